using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Passbind.Server.Secrets;

namespace Passbind.Server.Features.Email;

/// <summary>
/// Keeps the secrets that mail carries out of the outbox at rest (catalogue #8): a queued message's bodies carry a
/// binding link's token, or a sign-in's one-time code, sealed under the master key, so a database dump, a backup or
/// a replica holds no usable link or code. The secret is revealed only in memory, when the message is sent (or shown
/// by the dev mailbox), and the sealed form is removed from the stored bodies once the message was sent over SMTP,
/// failed or could no longer be sent.
/// </summary>
internal sealed partial class SealedLinks(MasterKey masterKey)
{
    /// <summary>What stands in a stored body where a sealed token was, once it is no longer needed.</summary>
    public const string Removed = "removed";

    /// <summary>How a sealed token starts in a stored body (the pattern of <see cref="Marker"/>).</summary>
    public const string MarkerPrefix = "passbind-sealed-token.";

    private const string Purpose = "outbox-link-token";
    private const string TokenParameter = "token=";

    /// <summary><paramref name="link"/> with its token sealed: fit to store, useless to whoever reads the store.</summary>
    public string SealLink(string link)
    {
        var at = link.LastIndexOf(TokenParameter, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException("A binding link carries its token in the query.", nameof(link));
        }

        return link[..(at + TokenParameter.Length)] + Seal(link[(at + TokenParameter.Length)..]);
    }

    /// <summary><paramref name="secret"/> (a one-time code, or a link's token) sealed, in the form <see cref="Reveal"/> opens.</summary>
    public string Seal(string secret) =>
        $"{MarkerPrefix}{Base64Url.EncodeToString(masterKey.Seal(Encoding.UTF8.GetBytes(secret), Purpose))}.";

    /// <summary><paramref name="body"/> with every sealed token opened, for sending; never store the result.</summary>
    public string Reveal(string body) => Marker().Replace(body, match =>
    {
        try
        {
            return Encoding.UTF8.GetString(masterKey.Unseal(Base64Url.DecodeFromChars(match.Groups["sealed"].ValueSpan), Purpose));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentOutOfRangeException)
        {
            // Not sealed by this server (text that only looks like a sealed token): left as it is.
            return match.Value;
        }
    });

    /// <summary><paramref name="body"/> with every sealed token dropped.</summary>
    public static string Redact(string body) => Marker().Replace(body, Removed);

    /// <summary>Whether <paramref name="body"/> still holds a sealed token.</summary>
    public static bool IsSealed(string body) => Marker().IsMatch(body);

    [GeneratedRegex("passbind-sealed-token\\.(?<sealed>[A-Za-z0-9_-]+)\\.")]
    private static partial Regex Marker();
}
