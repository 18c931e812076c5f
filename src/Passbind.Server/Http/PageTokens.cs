using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Passbind.Server.Http;

/// <summary>
/// Writes and reads page tokens: JSON, MACed with a key derived from the master key, base64url; a token older than
/// <see cref="TokenLifetime"/> reads as none.
/// </summary>
internal sealed class PageTokens(Secrets.MasterKey masterKey, TimeProvider time)
{
    private const int MacBytes = 32;

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(7);

    public string Write(PageToken token)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(token);
        return Base64Url.EncodeToString([.. payload, .. masterKey.MacPageToken(payload)]);
    }

    public PageToken? Read(string text)
    {
        if (text.Length > 2048 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(text);
        if (bytes.Length <= MacBytes)
        {
            return null;
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(masterKey.MacPageToken(payload), bytes.AsSpan(bytes.Length - MacBytes)))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PageToken>(payload) is { } token && time.GetUtcNow() - token.IssueTime <= TokenLifetime ? token : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
