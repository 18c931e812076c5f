using System.Text.Json;
using System.Text.Unicode;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// Reads the WebAuthn Level 3 JSON a client sends (<c>RegistrationResponseJSON</c>,
/// <c>AuthenticationResponseJSON</c>) and the clientDataJSON inside it: strictly, bounded, and without
/// throwing on anything a client can send.
/// </summary>
internal static class CredentialJson
{
    /// <summary>The largest response JSON accepted, in UTF-8 bytes.</summary>
    public const int MaxResponseJsonBytes = 128 * 1024;

    /// <summary>The largest clientDataJSON accepted, in bytes.</summary>
    public const int MaxClientDataJsonBytes = 16 * 1024;

    // Ids beyond the 1023-byte limit still decode, so that they are reported as too long, not as malformed.
    private const int MaxDecodedCredentialIdBytes = 2 * 1024;
    private const int MaxAttachmentLength = 64;
    private const string PublicKeyType = "public-key";

    // NOTE: .NET 10's duplicate-property check makes a clientDataJSON with two "challenge" members fail
    // (catalogue #70) instead of silently using one of them.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    /// <summary>Parses UTF-8 JSON of at most <see cref="MaxResponseJsonBytes"/>; false when it is too large, not UTF-8, or not JSON.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> json, out JsonDocument document)
    {
        document = null!;

        // System.Text.Json validates UTF-8 inside strings only when they are read; check it once, up front.
        if (json.Length > MaxResponseJsonBytes || !Utf8.IsValid(json.Span))
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// §5.1: reads the members every PublicKeyCredential has (<c>id</c>, <c>rawId</c>, <c>type</c>,
    /// <c>response</c>) and checks that id is base64url(rawId).
    /// </summary>
    /// <returns>Null when the envelope is well formed; otherwise the member at fault.</returns>
    public static EnvelopeFailure? ReadEnvelope(JsonElement credential, out string id, out byte[] rawId, out JsonElement response)
    {
        id = string.Empty;
        rawId = [];
        response = default;
        if (credential.ValueKind != JsonValueKind.Object)
        {
            return new EnvelopeFailure("credential", IdMismatch: false);
        }

        if (!TryGetString(credential, "id", out id) || !Base64UrlEncoding.TryDecode(id, MaxDecodedCredentialIdBytes, out var idBytes) || idBytes.Length == 0)
        {
            return new EnvelopeFailure("id", IdMismatch: false);
        }

        if (!TryGetString(credential, "rawId", out var rawIdText) || !Base64UrlEncoding.TryDecode(rawIdText, MaxDecodedCredentialIdBytes, out rawId) || rawId.Length == 0)
        {
            return new EnvelopeFailure("rawId", IdMismatch: false);
        }

        // Both are canonical base64url (checked above), so equal bytes means equal strings.
        if (!string.Equals(id, rawIdText, StringComparison.Ordinal))
        {
            return new EnvelopeFailure("id", IdMismatch: true);
        }

        if (!TryGetString(credential, "type", out var type) || type != PublicKeyType)
        {
            return new EnvelopeFailure("type", IdMismatch: false);
        }

        if (!credential.TryGetProperty("response", out response) || response.ValueKind != JsonValueKind.Object)
        {
            return new EnvelopeFailure("response", IdMismatch: false);
        }

        return null;
    }

    /// <summary>Reads the base64url member <paramref name="name"/>; false when it is missing, mistyped, empty, not canonical or longer than <paramref name="maxBytes"/>.</summary>
    public static bool TryGetBinary(JsonElement obj, string name, int maxBytes, out byte[] bytes)
    {
        bytes = [];
        return TryGetString(obj, name, out var text) && Base64UrlEncoding.TryDecode(text, maxBytes, out bytes) && bytes.Length != 0;
    }

    /// <summary>
    /// Reads the optional <c>authenticatorAttachment</c>: absent or null gives null; an unknown value is kept
    /// as given, since WebAuthn clients ignore unknown enum values.
    /// </summary>
    public static bool TryGetAttachment(JsonElement credential, out string? attachment)
    {
        attachment = null;
        if (!credential.TryGetProperty("authenticatorAttachment", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String || !TryGetString(element, out var value) || value.Length > MaxAttachmentLength)
        {
            return false;
        }

        attachment = value;
        return true;
    }

    /// <summary>Reads the optional <c>clientExtensionResults</c>, which must be an object when present.</summary>
    public static bool TryGetExtensionResults(JsonElement credential, out JsonElement? extensionResults)
    {
        extensionResults = null;
        if (!credential.TryGetProperty("clientExtensionResults", out var element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        extensionResults = element;
        return true;
    }

    public static bool TryGetString(JsonElement obj, string name, out string value)
    {
        if (obj.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            return TryGetString(element, out value);
        }

        value = string.Empty;
        return false;
    }

    public static bool TryGetString(JsonElement element, out string value)
    {
        try
        {
            value = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // A JsonElement parsed by the caller may still hold invalid UTF-8, which surfaces only here.
            value = string.Empty;
            return false;
        }
    }
}
