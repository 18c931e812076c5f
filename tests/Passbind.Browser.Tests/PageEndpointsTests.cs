using System.Net;
using Microsoft.Playwright;
using Passbind.Client;

namespace Passbind.Browser.Tests;

/// <summary>The server's hosted <c>/bind</c> page and the SDK files it serves.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PageEndpointsTests(RunningPassbind stack)
{
    [Fact]
    public async Task BindPage_OpenedLinkOfBootstrapConfig_BindsFromLocationHrefAndOffersRedirect()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var (identity, job) = await stack.CreateLinkAsync(stack.ServerAuthenticatorConfigId, "http://example.com/welcome");
        using var opened = await stack.Http.GetAsync(job.CredentialBindingLink);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var bindUrl = opened.Headers.Location!;
        Assert.StartsWith(new Uri(stack.ServerUrl, "/bind?").ToString(), bindUrl.ToString(), StringComparison.Ordinal);

        await page.GotoAsync(bindUrl.ToString());

        await page.GetByRole(AriaRole.Heading, new() { Name = "Your passkey is ready" }).WaitForAsync();
        var bound = await stack.Client.CredentialBindingJobs.GetAsync(identity.Id, job.CredentialBindingJob.Id);
        Assert.Equal(CredentialBindingJobStates.Complete, bound.State);
        Assert.Equal(bound.CredentialId, await page.Locator("#passkey-id").InnerTextAsync());
        var next = page.GetByRole(AriaRole.Link, new() { Name = "Continue to example.com" });
        Assert.Equal("http://example.com/welcome", await next.GetAttributeAsync("href"));
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task BindPage_WithoutLink_SaysSoAndServesStrictPolicy()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);

        var response = await page.GotoAsync(new Uri(stack.ServerUrl, "/bind").ToString());

        await page.GetByRole(AriaRole.Heading, new() { Name = "No binding link" }).WaitForAsync();
        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("no-store", await response.HeaderValueAsync("cache-control"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SdkModule_Get_IsTheRepositoryFileWithCachingAndAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(stack.ServerUrl, "/sdk/passbind.js"));
        request.Headers.Add("Origin", "https://any.example");
        using var response = await stack.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        var source = await File.ReadAllBytesAsync(Path.Combine(stack.RepositoryRoot, "sdk", "js", "src", "passbind.js"));
        Assert.Equal(source, await response.Content.ReadAsByteArrayAsync());

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(stack.ServerUrl, "/sdk/passbind.js"));
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var revalidated = await stack.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        using var types = await stack.Http.GetAsync(new Uri(stack.ServerUrl, "/sdk/passbind.d.ts"));
        Assert.Equal(HttpStatusCode.OK, types.StatusCode);
        Assert.Contains("export class Embedded", await types.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
