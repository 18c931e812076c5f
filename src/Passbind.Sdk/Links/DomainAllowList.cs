using System.Buffers;
using System.Net;

namespace Passbind.Sdk.Links;

/// <summary>
/// <see cref="EmbeddedOptions.AllowedDomains"/>: a host matches an entry when it equals it or is a subdomain of it.
/// IP addresses match only exactly.
/// </summary>
internal sealed class DomainAllowList
{
    private static readonly SearchValues<char> ForbiddenInHost = SearchValues.Create("/\\ ?#@");

    private readonly string[] _domains;

    public DomainAllowList(IEnumerable<string> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        _domains = domains.Select(Validate).ToArray();
    }

    public bool IsAllowed(Uri uri) => IsAllowed(uri.Host);

    public bool IsAllowed(string host)
    {
        var candidate = Normalize(host);
        return candidate.Length > 0 && _domains.Any(domain => Matches(candidate, domain));
    }

    /// <summary>True when <paramref name="host"/> equals <paramref name="domain"/> or is a subdomain of it.</summary>
    public static bool Matches(string host, string domain)
    {
        host = Normalize(host);
        domain = Normalize(domain);
        if (host.Length == 0 || domain.Length == 0)
        {
            return false;
        }

        if (string.Equals(host, domain, StringComparison.Ordinal))
        {
            return true;
        }

        // NOTE: "evil.127.0.0.1" is a legal DNS name; an IP entry must never allow names under it.
        return !IPAddress.TryParse(domain, out _)
            && host.EndsWith("." + domain, StringComparison.Ordinal);
    }

    private static string Validate(string domain)
    {
        var normalized = Normalize(domain ?? string.Empty);
        if (normalized.Length == 0 || normalized.AsSpan().IndexOfAny(ForbiddenInHost) >= 0
            || (normalized.Contains(':', StringComparison.Ordinal) && !IPAddress.TryParse(normalized, out _)))
        {
            throw new ArgumentException(
                $"'{domain}' is not a host name or IP address (no scheme, port or path).", nameof(domain));
        }

        return normalized;
    }

    private static string Normalize(string host) =>
        host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();
}
