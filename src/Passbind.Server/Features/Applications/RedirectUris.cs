using System.Net;

namespace Passbind.Server.Features.Applications;

/// <summary>
/// What a redirect URI may be (RFC 6749 §3.1.2, RFC 8252 §7, RFC 9700 §2.1): absolute, without a fragment
/// or userinfo; https anywhere, http only to a loopback host (a native app's local listener), or a native
/// app's own scheme (<c>com.example.app:/callback</c>, <c>acme://</c>). Schemes a browser would run or read
/// locally are refused. Relying parties must send the URI exactly as registered.
/// </summary>
internal static class RedirectUris
{
    public const int MaxLength = 2048;

    private static readonly HashSet<string> RefusedSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "javascript", "data", "file", "vbscript", "blob", "about", "view-source", "intent", "filesystem", "ftp", "ws", "wss", "mailto", "tel",
    };

    /// <summary>Null when <paramref name="value"/> is acceptable; otherwise what is wrong with it.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "empty string";
        }

        if (value.Length > MaxLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c)))
        {
            return value.Length > MaxLength ? $"longer than {MaxLength} characters" : "must not contain spaces or control characters";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return "not an absolute URI";
        }

        if (value.Contains('#', StringComparison.Ordinal))
        {
            return "must not have a fragment";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not have userinfo";
        }

        if (RefusedSchemes.Contains(uri.Scheme))
        {
            return $"the {uri.Scheme} scheme is not allowed";
        }

        return uri.Scheme switch
        {
            "https" => string.IsNullOrEmpty(uri.Host) ? "not an absolute URI" : null,
            "http" => IsLoopback(uri.Host) ? null : "http is allowed only for a loopback host (localhost, 127.0.0.1, [::1]); use https",
            _ => null,
        };
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
