using System.Buffers.Text;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// Strict base64url (RFC 4648 §5) without padding, as WebAuthn Level 3 JSON carries every binary field.
/// </summary>
internal static class Base64UrlEncoding
{
    public static string Encode(ReadOnlySpan<byte> data) => Base64Url.EncodeToString(data);

    /// <summary>
    /// Decodes <paramref name="text"/> only if it is canonical unpadded base64url of at most
    /// <paramref name="maxBytes"/> bytes.
    /// </summary>
    /// <remarks>
    /// NOTE: .NET's decoder tolerates padding and whitespace; WebAuthn JSON never carries either, and
    /// tolerating them would let two spellings denote one value, so anything outside the alphabet fails.
    /// </remarks>
    public static bool TryDecode(string? text, int maxBytes, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
        {
            return false;
        }

        // Reject before allocating: the decoded size is bounded by the text's length.
        if (text.Length % 4 == 1 || (long)text.Length * 3 / 4 > maxBytes)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!((uint)(c - 'A') <= 'Z' - 'A' || (uint)(c - 'a') <= 'z' - 'a' || (uint)(c - '0') <= '9' - '0' || c == '-' || c == '_'))
            {
                return false;
            }
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }

        // Non-canonical trailing bits (e.g. "AB" and "AC" both decoding to 0x00) would give one value two spellings.
        return string.Equals(Base64Url.EncodeToString(bytes), text, StringComparison.Ordinal);
    }
}
