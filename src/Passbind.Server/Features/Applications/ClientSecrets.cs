using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Passbind.Server.Features.Applications;

/// <summary>Client ids and secrets: random, base64url; a secret is kept only as its SHA-256.</summary>
internal static class ClientSecrets
{
    /// <summary>A new client id: 144 random bits (24 characters, as Beyond Identity's).</summary>
    public static string NewClientId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    /// <summary>A new client secret: 256 random bits.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
