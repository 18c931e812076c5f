namespace Passbind.Server.Tests.Infrastructure;

/// <summary>List queries every list endpoint must refuse with a 400 naming the parameter.</summary>
internal static class ListQueries
{
    /// <summary>
    /// Paging parameters no list accepts (a negative, non-numeric or oversized page size or skip, a page token that
    /// is not one), then a filter of each of <paramref name="invalidFilters"/> (URL-encoded) the endpoint refuses.
    /// </summary>
    public static TheoryData<string, string> Invalid(params string[] invalidFilters)
    {
        var queries = new TheoryData<string, string>
        {
            { "page_size=-1", "page_size" },
            { "page_size=abc", "page_size" },
            { "page_size=1e309", "page_size" },
            { "page_size=9223372036854775808", "page_size" },
            { "skip=-1", "skip" },
            { "skip=x", "skip" },
            { "page_token=not-a-token", "page_token" },
            { "page_token=%%%", "page_token" },
        };
        foreach (var filter in invalidFilters)
        {
            queries.Add($"filter={filter}", "filter");
        }

        return queries;
    }
}
