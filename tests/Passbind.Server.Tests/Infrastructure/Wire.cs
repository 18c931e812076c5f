using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Passbind.Server.Tests.Infrastructure;

/// <summary>
/// Wire-level helpers for the resource tests: raw exchanges (status and body as bytes-for-bytes text), exact
/// property sets, paging through a collection, and the "another tenant's real ids answer like random ids" check.
/// </summary>
public static partial class Wire
{
    /// <summary>Sends <paramref name="method"/> to <paramref name="path"/> with an optional JSON body; returns the status and the body text.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = Api.Json(json);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asserts that <paramref name="element"/> has exactly the properties <paramref name="names"/>, no more and no fewer.</summary>
    public static void AssertProperties(JsonElement element, params string[] names)
    {
        var actual = element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(actual.SequenceEqual(names.Order(StringComparer.Ordinal)),
            $"expected exactly [{string.Join(", ", names.Order(StringComparer.Ordinal))}], got [{string.Join(", ", actual)}] in {element}");
    }

    /// <summary>An RFC 3339 UTC timestamp as the spec writes them.</summary>
    public static void AssertTimestamp(JsonElement element, string property) =>
        Assert.Matches(Rfc3339Utc(), element.GetProperty(property).GetString());

    public static DateTimeOffset Time(JsonElement element, string property) =>
        DateTimeOffset.Parse(element.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static string Id(JsonElement element) => element.GetProperty("id").GetString()!;

    /// <summary>
    /// Asserts that a request naming a real resource of another tenant (or realm) and one naming a random id answer
    /// the same status (404) and the same body, once each id is replaced by a placeholder.
    /// </summary>
    public static async Task AssertLikeRandomAsync(
        HttpClient client, string method, string realPath, string realId, string randomPath, string randomId, string? json = null)
    {
        var real = await SendAsync(client, method, realPath, json);
        var random = await SendAsync(client, method, randomPath, json);

        Assert.True(real.Status == HttpStatusCode.NotFound, $"{method} {realPath} answered {(int)real.Status}: {real.Body}");
        Assert.Equal(random.Status, real.Status);
        Assert.Equal(
            random.Body.Replace(randomId, "{id}", StringComparison.Ordinal),
            real.Body.Replace(realId, "{id}", StringComparison.Ordinal));
    }

    /// <summary>One page of a list call.</summary>
    public sealed record Page(IReadOnlyList<JsonElement> Items, int TotalSize, string? NextPageToken);

    public static async Task<Page> ListAsync(HttpClient client, string collectionPath, string collection, string? query = null)
    {
        using var response = await client.GetAsync(query is null ? collectionPath : $"{collectionPath}?{query}");
        var list = await Api.ReadJsonAsync(response, expectedStatus: 200);
        string? next = null;
        if (list.TryGetProperty("next_page_token", out var token))
        {
            next = token.GetString();
            Assert.False(string.IsNullOrEmpty(next), "next_page_token must be omitted, not empty, on the last page");
        }

        foreach (var property in list.EnumerateObject())
        {
            Assert.Contains(property.Name, new[] { collection, "total_size", "next_page_token" });
        }

        return new Page(list.GetProperty(collection).EnumerateArray().ToList(), list.GetProperty("total_size").GetInt32(), next);
    }

    /// <summary>
    /// Pages through a collection with <paramref name="pageSize"/> (and an optional filter), following
    /// next_page_token; returns every page, and asserts each reports the same total_size.
    /// </summary>
    public static async Task<List<Page>> ListAllPagesAsync(HttpClient client, string collectionPath, string collection, int pageSize, string? filter = null)
    {
        var pages = new List<Page>();
        var filterQuery = filter is null ? string.Empty : $"&filter={Uri.EscapeDataString(filter)}";
        var page = await ListAsync(client, collectionPath, collection, $"page_size={pageSize}{filterQuery}");
        pages.Add(page);
        while (page.NextPageToken is { } token && pages.Count < 50)
        {
            page = await ListAsync(client, collectionPath, collection, $"page_token={Uri.EscapeDataString(token)}{filterQuery}");
            Assert.Equal(pages[0].TotalSize, page.TotalSize);
            pages.Add(page);
        }

        return pages;
    }

    /// <summary>
    /// Pages through a collection with <paramref name="pageSize"/> (and an optional filter) and asserts what a client
    /// must see: full pages but the last, every page reporting the whole count, no token after the last page, and
    /// each of <paramref name="expectedIds"/> exactly once.
    /// </summary>
    public static async Task AssertPagesCoverAsync(HttpClient client, string collectionPath, string collection, IReadOnlyCollection<string> expectedIds, int pageSize = 2, string? filter = null)
    {
        var pages = await ListAllPagesAsync(client, collectionPath, collection, pageSize, filter);

        var expectedSizes = Enumerable.Range(0, (expectedIds.Count + pageSize - 1) / pageSize)
            .Select(i => Math.Min(pageSize, expectedIds.Count - (i * pageSize)));
        Assert.Equal(expectedSizes, pages.Select(p => p.Items.Count));
        Assert.All(pages, p => Assert.Equal(expectedIds.Count, p.TotalSize));
        Assert.Null(pages[^1].NextPageToken);
        Assert.Equal(expectedIds.Order(), pages.SelectMany(p => p.Items).Select(Id).Order());
    }

    /// <summary>The next_page_token of a first page of <paramref name="pageSize"/> items; fails when there is none.</summary>
    public static async Task<string> FirstPageTokenAsync(HttpClient client, string collectionPath, string collection, int pageSize = 1)
    {
        var page = await ListAsync(client, collectionPath, collection, $"page_size={pageSize}");
        Assert.True(page.NextPageToken is not null, $"{collectionPath} has a single page; the test needs two");
        return page.NextPageToken!;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")]
    private static partial Regex Rfc3339Utc();
}
