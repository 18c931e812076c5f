using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Features.Pages;

namespace Passbind.Server.Tests.Email;

public sealed class LinkStatusPageTests
{
    [Theory]
    [InlineData(nameof(LinkStatus.Consumed), 410, "This link has already been used")]
    [InlineData(nameof(LinkStatus.Expired), 410, "This link has expired")]
    [InlineData(nameof(LinkStatus.Revoked), 410, "This link is no longer valid")]
    [InlineData(nameof(LinkStatus.NotFound), 404, "This link is not valid")]
    public async Task Render_Status_SaysWhyWithStatusCode(string status, int expectedStatus, string expectedText)
    {
        var (code, headers, body) = await ExecuteAsync(LinkStatusPage.Render(Enum.Parse<LinkStatus>(status)));

        Assert.Equal(expectedStatus, code);
        Assert.Contains(expectedText, body, StringComparison.Ordinal);
        Assert.Equal("text/html; charset=utf-8", headers.ContentType);
        Assert.Equal("no-referrer", headers["Referrer-Policy"]);
        Assert.Equal("no-store", headers.CacheControl);
        Assert.StartsWith("default-src 'none'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_RealmNameWithMarkup_Encoded()
    {
        var (_, _, body) = await ExecuteAsync(LinkStatusPage.Render(LinkStatus.Expired, "<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", body, StringComparison.Ordinal);
    }

    private static async Task<(int Status, IHeaderDictionary Headers, string Body)> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, context.Response.Headers, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
