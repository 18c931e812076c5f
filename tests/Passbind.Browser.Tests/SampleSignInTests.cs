using Microsoft.Playwright;
using Passbind.Client;

namespace Passbind.Browser.Tests;

/// <summary>
/// Bind, then sign in through the sample (issue 11): the sample's own ASP.NET Core OpenIdConnect handler against the
/// real server, with the passkey of Chromium's virtual authenticator proving the sign-in on the sample's
/// /bi-authenticate page. Screenshots at a phone's size and a desktop's.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SampleSignInTests(RunningPassbind stack)
{
    [Theory]
    [InlineData("phone", 390, 844, "webauthn")]
    [InlineData("desktop", 1280, 800, "subtle")]
    public async Task SignIn_AfterSignUp_PasskeySignsAndSignedInPageShowsTheIdentitysClaims(string size, int width, int height, string keyType)
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors, width, height);
        var username = "si" + Guid.NewGuid().ToString("N")[..10];
        await SignUpAsync(page, username, keyType);
        var identity = await stack.Client.Identities.FindByUsernameAsync(username);
        Assert.NotNull(identity);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

        // authorize sent the browser to the sample's /bi-authenticate with the request JWT.
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(stack.SampleUrl, "/bi-authenticate?request=").ToString(), StringComparison.Ordinal));
        var choice = page.Locator(".passkey", new() { HasText = username });
        await choice.WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Passbind sample on port " + stack.SampleUrl.Port }).WaitForAsync();
        await stack.ScreenshotFittingAsync(page, $"sample-signin-{size}");

        await choice.GetByRole(AriaRole.Button).ClickAsync();

        await page.WaitForURLAsync(new Uri(stack.SampleUrl, "/me").ToString());
        await page.GetByRole(AriaRole.Heading, new() { Name = $"You are signed in as {username}" }).WaitForAsync();
        Assert.Equal(identity.Id, await page.Locator("dd[data-claim='sub']").InnerTextAsync());
        Assert.Equal($"{username}@example.com", await page.Locator("dd[data-claim='email']").InnerTextAsync());
        Assert.StartsWith(stack.ServerUrl.ToString().TrimEnd('/') + "/v1/tenants/", await page.Locator("dd[data-claim='iss']").InnerTextAsync(), StringComparison.Ordinal);
        await stack.ScreenshotFittingAsync(page, $"sample-signed-in-{size}");

        // The sign-in is the app's cookie: a reload stays signed in; Sign out ends it, and /me asks to sign in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(stack.SampleUrl.ToString());
        await page.GotoAsync(new Uri(stack.SampleUrl, "/me").ToString());
        await page.WaitForURLAsync(url => url.Contains("/bi-authenticate?request=", StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SignIn_PasskeyRevokedOnTheServer_PageShowsTheErrorAndNobodyIsSignedIn()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var username = "rv" + Guid.NewGuid().ToString("N")[..10];
        await SignUpAsync(page, username, "webauthn");
        var identity = (await stack.Client.Identities.FindByUsernameAsync(username))!;
        await foreach (var credential in stack.Client.Credentials.ListAsync(identity.Id))
        {
            await stack.Client.Credentials.RevokeAsync(identity.Id, credential.Id);
        }

        await page.GotoAsync(new Uri(stack.SampleUrl, "/signin").ToString());
        var choice = page.Locator(".passkey", new() { HasText = username });
        await choice.GetByRole(AriaRole.Button).ClickAsync();

        await page.Locator("#error").WaitForAsync();
        Assert.Equal("authentication_failed", await page.Locator("#error-code").InnerTextAsync());
        Assert.StartsWith(new Uri(stack.SampleUrl, "/bi-authenticate?").ToString(), page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    private async Task SignUpAsync(IPage page, string username, string keyType)
    {
        await page.GotoAsync(stack.SampleUrl.ToString());
        await page.GetByLabel("Username").FillAsync(username);
        if (keyType == "subtle")
        {
            await page.GetByRole(AriaRole.Radio, new() { Name = "Software passkey" }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create passkey" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(stack.SampleUrl, "/passkeys").ToString());
        await page.Locator(".passkey", new() { HasText = username }).WaitForAsync();
    }
}
