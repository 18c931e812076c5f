using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// The client-data checks both ceremonies make: L3 §7.1 steps 5–10 for a registration and §7.2 steps 8–13 for
/// an assertion, in the same order, with the same strictness.
/// </summary>
internal static class ClientDataChecks
{
    /// <summary>Null when the client data is as expected; <paramref name="origin"/> is then the trusted origin it names.</summary>
    /// <param name="clientDataJson">The raw clientDataJSON bytes.</param>
    /// <param name="expectedType"><see cref="ClientDataType.Create"/> or <see cref="ClientDataType.Get"/>.</param>
    /// <param name="expectedChallenge">The challenge the server issued and stored.</param>
    /// <param name="trustedOrigins">The authenticator config's trusted origins, compared as exact strings.</param>
    /// <param name="origin">The origin the client data names, once it matched.</param>
    public static CeremonyFailure? Verify(
        ReadOnlyMemory<byte> clientDataJson,
        string expectedType,
        ReadOnlyMemory<byte> expectedChallenge,
        IReadOnlyCollection<string> trustedOrigins,
        out string origin)
    {
        origin = string.Empty;

        // 7.1 step 5, 7.2 step 8: UTF-8 decode, which strips a leading byte order mark (invalid UTF-8 fails below).
        var text = clientDataJson;
        if (text.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        // 7.1 step 6, 7.2 step 9: parse; invalid UTF-8, duplicate members and deep nesting fail here.
        if (!CredentialJson.TryParse(text, out var document))
        {
            return CeremonyFailure.InvalidClientData;
        }

        using (document)
        {
            return VerifyMembers(document.RootElement, expectedType, expectedChallenge, trustedOrigins, out origin);
        }
    }

    private static CeremonyFailure? VerifyMembers(
        JsonElement c,
        string expectedType,
        ReadOnlyMemory<byte> expectedChallenge,
        IReadOnlyCollection<string> trustedOrigins,
        out string origin)
    {
        origin = string.Empty;
        if (c.ValueKind != JsonValueKind.Object)
        {
            return CeremonyFailure.InvalidClientData;
        }

        // 7.1 step 7, 7.2 step 10: verify C.type is webauthn.create, or webauthn.get.
        if (!c.TryGetProperty("type", out var type))
        {
            return CeremonyFailure.ClientDataType;
        }

        // Read as a string first: comparing in place throws on text that is not Unicode (a lone surrogate escape).
        if (type.ValueKind != JsonValueKind.String || !CredentialJson.TryGetString(type, out var typeText))
        {
            return CeremonyFailure.InvalidClientData;
        }

        if (!string.Equals(typeText, expectedType, StringComparison.Ordinal))
        {
            return CeremonyFailure.ClientDataType;
        }

        // 7.1 step 8, 7.2 step 11: verify C.challenge is base64url(options.challenge), compared in constant time.
        if (!c.TryGetProperty("challenge", out var challenge))
        {
            return CeremonyFailure.ChallengeMismatch;
        }

        if (challenge.ValueKind != JsonValueKind.String || !CredentialJson.TryGetString(challenge, out var challengeText))
        {
            return CeremonyFailure.InvalidClientData;
        }

        var expectedChallengeText = Base64UrlEncoding.Encode(expectedChallenge.Span);
        if (!CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(challengeText.AsSpan()),
            MemoryMarshal.AsBytes(expectedChallengeText.AsSpan())))
        {
            return CeremonyFailure.ChallengeMismatch;
        }

        // 7.1 step 9, 7.2 step 12: verify C.origin is one of the trusted origins.
        // NOTE: compared as exact strings (binding-protocol.md §5). Fido2NetLib folds default ports and
        // drops paths, so "https://x:443" would pass it for "https://x"; here it does not.
        if (!c.TryGetProperty("origin", out var originElement))
        {
            return CeremonyFailure.OriginNotAllowed;
        }

        if (originElement.ValueKind != JsonValueKind.String || !CredentialJson.TryGetString(originElement, out origin))
        {
            return CeremonyFailure.InvalidClientData;
        }

        if (!IsTrusted(origin, trustedOrigins))
        {
            return CeremonyFailure.OriginNotAllowed;
        }

        // 7.1 step 10, 7.2 step 13: Passbind's pages are never framed, so crossOrigin must be absent or false
        // and topOrigin absent.
        if (c.TryGetProperty("crossOrigin", out var crossOrigin))
        {
            if (crossOrigin.ValueKind == JsonValueKind.True)
            {
                return CeremonyFailure.CrossOrigin;
            }

            if (crossOrigin.ValueKind != JsonValueKind.False)
            {
                return CeremonyFailure.InvalidClientData;
            }
        }

        if (c.TryGetProperty("topOrigin", out _))
        {
            return CeremonyFailure.TopOrigin;
        }

        // Level 2 step 10 (FIDO conformance Resp-2 F-15..F-17): a tokenBinding member must be well formed;
        // Passbind never negotiates Token Binding, so its status cannot be "present".
        if (c.TryGetProperty("tokenBinding", out var tokenBinding)
            && (tokenBinding.ValueKind != JsonValueKind.Object
                || !CredentialJson.TryGetString(tokenBinding, "status", out var statusText)
                || statusText is not ("supported" or "not-supported")))
        {
            return CeremonyFailure.InvalidClientData;
        }

        return null;
    }

    private static bool IsTrusted(string origin, IReadOnlyCollection<string> trustedOrigins)
    {
        foreach (var trusted in trustedOrigins)
        {
            if (string.Equals(origin, trusted, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
