namespace Passbind.Server.Http;

/// <summary>
/// A list call's paging: <c>page_size</c> (clamped to the collection's maximum, as Beyond Identity's clients
/// send larger ones), <c>skip</c>, <c>filter</c>, and an opaque <c>page_token</c>. The token is MACed and
/// names the collection it belongs to (tenant, realm, parent), the filter and the page size, so a token from
/// another tenant or another filter answers 400 rather than leaking a page.
/// </summary>
internal sealed record PageRequest(int PageSize, int Skip, string? Filter, string? AfterId, string Collection)
{
    public static ApiError? TryRead(HttpRequest request, string collection, PageLimits limits, PageTokens tokens, out PageRequest page) =>
        TryRead(request.Query, collection, limits, tokens, out page);

    /// <summary>The same, from query parameters in hand: the admin console passes its own page's to the API's list handlers.</summary>
    public static ApiError? TryRead(IQueryCollection query, string collection, PageLimits limits, PageTokens tokens, out PageRequest page)
    {
        page = new PageRequest(limits.Default, 0, null, null, collection);
        var filter = query["filter"].ToString() is { Length: > 0 } f ? f : null;
        if (filter is { Length: > 512 })
        {
            return ApiError.InvalidField("filter", "filter is longer than 512 characters");
        }

        int? pageSize = null;
        if (query["page_size"].ToString() is { Length: > 0 } sizeText)
        {
            if (!uint.TryParse(sizeText, out var size))
            {
                return ApiError.InvalidField("page_size", "must be a whole number from 0 to 4294967295");
            }

            pageSize = size == 0 ? limits.Default : (int)Math.Min(size, (uint)limits.Max);
        }

        var skip = 0;
        if (query["skip"].ToString() is { Length: > 0 } skipText)
        {
            if (!uint.TryParse(skipText, out var parsed) || parsed > int.MaxValue)
            {
                return ApiError.InvalidField("skip", "must be a whole number from 0 to 2147483647");
            }

            skip = (int)parsed;
        }

        string? afterId = null;
        if (query["page_token"].ToString() is { Length: > 0 } tokenText)
        {
            var token = tokens.Read(tokenText);
            if (token is null || token.Collection != collection)
            {
                return ApiError.InvalidField("page_token", "invalid page token");
            }

            if (filter is not null && filter != token.Filter)
            {
                return ApiError.InvalidField("page_token", "the filter differs from the one the page token was made for");
            }

            filter = token.Filter;
            pageSize ??= token.PageSize;
            afterId = token.AfterId;
        }

        page = new PageRequest(pageSize ?? limits.Default, skip, filter, afterId, collection);
        return null;
    }

    public string NextToken(PageTokens tokens, string lastId, DateTimeOffset now) =>
        tokens.Write(new PageToken(Collection, Filter, PageSize, lastId, now));
}
