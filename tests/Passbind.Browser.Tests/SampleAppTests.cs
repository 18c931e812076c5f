using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Passbind.Client;

namespace Passbind.Browser.Tests;

/// <summary>The sample app, used as a person would: typing, clicking, reading what the pages show.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SampleAppTests(RunningPassbind stack)
{
    [Fact]
    public async Task SignUp_UserTypesUsernameAndClicks_SeesPasskeyAndLandsOnRedirect()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var username = "alice" + Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync(stack.SampleUrl.ToString());

        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create passkey" }).ClickAsync();

        var result = page.Locator("#result");
        await result.GetByRole(AriaRole.Heading, new() { Name = "Passkey created" }).WaitForAsync();
        Assert.Equal(username, await page.Locator("#passkey-username").InnerTextAsync());
        Assert.Equal($"{username}@example.com", await page.Locator("#passkey-email").InnerTextAsync());
        Assert.Equal("This device's passkey", await page.Locator("#passkey-kind").InnerTextAsync());
        var passkeyId = await page.Locator("#passkey-id").InnerTextAsync();

        await page.WaitForURLAsync(new Uri(stack.SampleUrl, "/passkeys").ToString());
        var listed = page.Locator(".passkey", new() { HasText = username });
        await listed.WaitForAsync();
        Assert.Contains(passkeyId, await listed.InnerTextAsync(), StringComparison.Ordinal);

        var identity = await stack.Client.Identities.FindByUsernameAsync(username);
        Assert.NotNull(identity);
        var credential = await stack.Client.Credentials.GetAsync(identity.Id, passkeyId);
        Assert.Equal(CredentialStates.Active, credential.State);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SignUp_SoftwarePasskeys_AreBoundListedByGetPasskeysAndDeleted()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var usernames = new[] { "sw" + Guid.NewGuid().ToString("N")[..8], "sw" + Guid.NewGuid().ToString("N")[..8] };
        foreach (var username in usernames)
        {
            await page.GotoAsync(stack.SampleUrl.ToString());
            await page.GetByLabel("Username").FillAsync(username);
            await page.GetByRole(AriaRole.Radio, new() { Name = "Software passkey" }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create passkey" }).ClickAsync();
            await page.Locator("#result").WaitForAsync();
            Assert.Equal("Software passkey", await page.Locator("#passkey-kind").InnerTextAsync());
            await page.WaitForURLAsync(new Uri(stack.SampleUrl, "/passkeys").ToString());
        }

        var passkeys = await page.EvaluateAsync<JsonElement>(
            "async () => (await (await import('@beyondidentity/bi-sdk-js')).Embedded.initialize()).getPasskeys()");
        Assert.Equal(2, passkeys.GetArrayLength());
        Assert.All(passkeys.EnumerateArray(), p => Assert.Equal("subtle", p.GetProperty("keyType").GetString()));
        Assert.Equal(
            usernames.Order(),
            passkeys.EnumerateArray().Select(p => p.GetProperty("identity").GetProperty("username").GetString()!).Order());
        await page.GetByText("2 passkeys").WaitForAsync();

        var first = page.Locator(".passkey", new() { HasText = usernames[0] });
        await first.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await page.GetByText("1 passkey", new() { Exact = true }).WaitForAsync();
        Assert.Equal(0, await page.Locator(".passkey", new() { HasText = usernames[0] }).CountAsync());
        Assert.Equal(1, await page.Locator(".passkey", new() { HasText = usernames[1] }).CountAsync());
        var left = await page.EvaluateAsync<JsonElement>(
            "async () => (await (await import('@beyondidentity/bi-sdk-js')).Embedded.initialize()).getPasskeys()");
        Assert.Equal(usernames[1], left.EnumerateArray().Single().GetProperty("identity").GetProperty("username").GetString());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task BindRoute_OpenedEmailLinkRedirects_PageBindsFromLocationHref()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var (identity, job) = await stack.CreateLinkAsync(stack.SampleAuthenticatorConfigId);

        // What a mail client does with the emailed link: open it, and follow the 302 to the app's invoke URL + /bind.
        using var opened = await stack.Http.GetAsync(job.CredentialBindingLink);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var bindUrl = opened.Headers.Location!;
        Assert.StartsWith(new Uri(stack.SampleUrl, "/bind?").ToString(), bindUrl.ToString(), StringComparison.Ordinal);

        await page.GotoAsync(bindUrl.ToString());

        await page.GetByRole(AriaRole.Heading, new() { Name = "Your passkey is ready" }).WaitForAsync();
        Assert.Equal(identity.Traits.Username, await page.Locator("#passkey-username").InnerTextAsync());
        var bound = await stack.Client.CredentialBindingJobs.GetAsync(identity.Id, job.CredentialBindingJob.Id);
        Assert.Equal(CredentialBindingJobStates.Complete, bound.State);
        Assert.Equal(bound.CredentialId, await page.Locator("#passkey-id").InnerTextAsync());
        Assert.Equal(new Uri(stack.SampleUrl, "/bind").ToString(), page.Url);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task BindRoute_LinkAlreadyUsed_ShowsTheErrorText()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var (_, job) = await stack.CreateLinkAsync(stack.SampleAuthenticatorConfigId);
        using var opened = await stack.Http.GetAsync(job.CredentialBindingLink);
        var bindUrl = opened.Headers.Location!.ToString();
        await page.GotoAsync(bindUrl);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your passkey is ready" }).WaitForAsync();

        await page.GotoAsync(bindUrl);

        await page.GetByRole(AriaRole.Heading, new() { Name = "The passkey was not created" }).WaitForAsync();
        Assert.StartsWith("PassbindError [link_consumed]: ", await page.Locator("#error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
