using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Passbind.Core.Links;

/// <summary>
/// The secret in a binding link. It is 48 random bytes (384 bits), written as 64 base64url characters like
/// Beyond Identity's, and the server keeps only its SHA-256: a database dump reveals no usable link.
/// </summary>
public static class LinkToken
{
    private const int TokenBytes = 48;

    /// <summary>The length of a token as written in a link.</summary>
    public const int EncodedLength = 64;

    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Compares a presented token with a stored hash in constant time.</summary>
    public static bool Matches(string? presented, ReadOnlySpan<byte> storedHash)
    {
        if (presented is null || presented.Length != EncodedLength)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), hash);
        return CryptographicOperations.FixedTimeEquals(hash, storedHash);
    }
}
