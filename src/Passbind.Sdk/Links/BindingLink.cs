using System.Diagnostics.CodeAnalysis;

namespace Passbind.Sdk.Links;

/// <summary>
/// The six values a binding link carries (binding-protocol.md §1), from either form:
/// <c>A {base}/v1/tenants/{t}/realms/{r}/identities/{i}/credential-binding-jobs/{job}:invokeAuthenticator?token=…</c> or
/// <c>B {invoke_url}/bind?api_base_url=…&amp;tenant_id=…&amp;realm_id=…&amp;identity_id=…&amp;job_id=…&amp;token=…</c>.
/// </summary>
internal sealed record BindingLink(
    Uri ApiBaseUrl,
    string TenantId,
    string RealmId,
    string IdentityId,
    string JobId,
    string Token)
{
    private const string InvokeSuffix = ":invokeAuthenticator";

    private static readonly string[] FormBParameters =
        ["api_base_url", "tenant_id", "realm_id", "identity_id", "job_id", "token"];

    /// <summary>The base URL as a string, without a trailing slash.</summary>
    public string ApiBase => ApiBaseUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>The URL of a custom method on this link's job, e.g. <c>registrationOptions</c>.</summary>
    public Uri JobMethodUrl(string method) => new(
        $"{ApiBase}/v1/tenants/{Uri.EscapeDataString(TenantId)}/realms/{Uri.EscapeDataString(RealmId)}"
        + $"/identities/{Uri.EscapeDataString(IdentityId)}/credential-binding-jobs/{Uri.EscapeDataString(JobId)}:{method}");

    /// <summary>Parses either form of a binding link; checks shape only (no host is looked at). Never throws.</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out BindingLink? link)
    {
        link = null;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return false;
        }

        var query = ParseQuery(uri.Query);
        if (query is null)
        {
            return false;
        }

        link = TryParseInvokeForm(uri, query) ?? TryParseBindForm(uri, query);
        return link is not null;
    }

    private static BindingLink? TryParseInvokeForm(Uri uri, Dictionary<string, string> query)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        if (!query.TryGetValue("token", out var token) || token.Length == 0)
        {
            return null;
        }

        // The shape ends in exactly these nine segments; anything before them is the base URL's own path.
        var segments = uri.AbsolutePath.Split('/');
        if (segments.Length < 10)
        {
            return null;
        }

        var tail = segments.AsSpan(segments.Length - 9);
        if (tail[0] != "v1" || tail[1] != "tenants" || tail[3] != "realms" || tail[5] != "identities"
            || tail[7] != "credential-binding-jobs" || !tail[8].EndsWith(InvokeSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var tenant = Uri.UnescapeDataString(tail[2]);
        var realm = Uri.UnescapeDataString(tail[4]);
        var identity = Uri.UnescapeDataString(tail[6]);
        var job = Uri.UnescapeDataString(tail[8][..^InvokeSuffix.Length]);
        if (tenant.Length == 0 || realm.Length == 0 || identity.Length == 0 || job.Length == 0)
        {
            return null;
        }

        var prefix = string.Join('/', segments[..^9]);
        var baseUrl = new Uri(uri.GetLeftPart(UriPartial.Authority) + prefix);
        return new BindingLink(baseUrl, tenant, realm, identity, job, token);
    }

    private static BindingLink? TryParseBindForm(Uri uri, Dictionary<string, string> query)
    {
        // {invoke_url}/bind, or an app scheme without a path: myapp://bind?…; never a local file ("/bind?…" on Unix).
        if (uri.IsFile || uri.IsUnc)
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var isBindPath = path.EndsWith("/bind", StringComparison.Ordinal)
            || (path.Length == 0 && string.Equals(uri.Host, "bind", StringComparison.OrdinalIgnoreCase));
        if (!isBindPath)
        {
            return null;
        }

        foreach (var name in FormBParameters)
        {
            if (!query.TryGetValue(name, out var value) || value.Length == 0)
            {
                return null;
            }
        }

        if (!Uri.TryCreate(query["api_base_url"], UriKind.Absolute, out var apiBase)
            || (apiBase.Scheme != Uri.UriSchemeHttp && apiBase.Scheme != Uri.UriSchemeHttps)
            || apiBase.Query.Length > 0 || apiBase.Fragment.Length > 0)
        {
            return null;
        }

        return new BindingLink(
            apiBase, query["tenant_id"], query["realm_id"], query["identity_id"], query["job_id"], query["token"]);
    }

    /// <summary>Splits a query into unescaped names and values; null when a name repeats (ambiguous link).</summary>
    private static Dictionary<string, string>? ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Unescape(pair[(equals + 1)..]);
            if (!result.TryAdd(name, value))
            {
                return null;
            }
        }

        return result;
    }

    private static string Unescape(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
}
