using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Passbind.Sdk.Links;

/// <summary>
/// What an authenticate URL names (sign-in-protocol.md §2): <c>…/bi-authenticate?request=&lt;JWT&gt;</c>, whose payload
/// has <c>authn.action.prove.transaction_id</c>. The JWT is read, not verified: it is the transaction's capability,
/// and the server checks it on every call. <see cref="BaseUrl"/>, <see cref="TenantId"/> and <see cref="RealmId"/> are
/// <see langword="null"/> when the JWT lacks them (no call can then be made).
/// </summary>
internal sealed record AuthenticateLink(
    string Url,
    string Request,
    Uri? BaseUrl,
    string? TenantId,
    string? RealmId,
    string TransactionId)
{
    /// <summary>True when the link names a server, tenant and realm to call.</summary>
    [MemberNotNullWhen(true, nameof(BaseUrl), nameof(TenantId), nameof(RealmId))]
    public bool IsComplete => BaseUrl is not null && TenantId is not null && RealmId is not null;

    /// <summary>The URL of a custom method on this link's transaction, e.g. <c>authenticationOptions</c>.</summary>
    public Uri TransactionMethodUrl(string method)
    {
        if (!IsComplete)
        {
            throw new InvalidOperationException("The authenticate URL names no server, tenant or realm.");
        }

        return new(
            $"{BaseUrl.AbsoluteUri.TrimEnd('/')}/v1/tenants/{Uri.EscapeDataString(TenantId)}/realms/{Uri.EscapeDataString(RealmId)}"
            + $"/transactions/{Uri.EscapeDataString(TransactionId)}:{method}");
    }

    /// <summary>Parses an authenticate URL; checks shape only (no host is looked at). Never throws.</summary>
    public static bool TryParse(string? url, [NotNullWhen(true)] out AuthenticateLink? link)
    {
        link = null;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            return false;
        }

        // {invoke_url}/bi-authenticate, or an app scheme without a path: myapp://bi-authenticate?…
        var path = uri.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/bi-authenticate", StringComparison.Ordinal)
            && !(path.Length == 0 && string.Equals(uri.Host, "bi-authenticate", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var request = QueryValue(uri.Query, "request");
        if (string.IsNullOrEmpty(request) || ReadPayload(request) is not { } payload)
        {
            return false;
        }

        using (payload)
        {
            var authn = Property(payload.RootElement, "authn");
            var transactionId = Id(Property(Property(Property(authn, "action"), "prove"), "transaction_id"));
            if (transactionId is null)
            {
                return false;
            }

            link = new AuthenticateLink(
                uri.OriginalString.Trim(),
                request,
                ParseBaseUrl(Property(authn, "base_url")),
                Id(Property(authn, "tid")),
                Id(Property(authn, "rid")),
                transactionId);
            return true;
        }
    }

    private static JsonDocument? ReadPayload(string jwt)
    {
        var segments = jwt.Split('.');
        if (segments.Length != 3 || segments.Any(s => s.Length == 0 || !System.Buffers.Text.Base64Url.IsValid(s)))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(segments[1]));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>An id that is safe as a path segment: a non-empty string without <c>/ ? #</c>.</summary>
    private static string? Id(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } id
            && id.AsSpan().IndexOfAny("/?#") < 0
            ? id
            : null;

    private static Uri? ParseBaseUrl(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(element.GetString(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return uri;
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && Uri.UnescapeDataString(pair[..equals]) == name)
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}
