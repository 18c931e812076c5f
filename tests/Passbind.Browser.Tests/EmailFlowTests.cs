using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Passbind.Client;

namespace Passbind.Browser.Tests;

/// <summary>
/// The seed's email example end to end in a browser: an EMAIL job's message lands in the dev mailbox, the user
/// clicks its link, the server redirects to the sample's /bind page, and that page binds from window.location.href.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class EmailFlowTests(RunningPassbind stack)
{
    [Fact]
    public async Task EmailJob_LinkClickedInDevMailbox_SampleBindPageBindsAndNoticeArrives()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var username = "mail" + Guid.NewGuid().ToString("N")[..10];
        var identity = await stack.Client.Identities.CreateAsync(new CreateIdentityRequest
        {
            DisplayName = username,
            Traits = new IdentityTraits { Username = username, PrimaryEmailAddress = $"{username}@example.com" },
        });
        var job = await stack.Client.CredentialBindingJobs.SendEmailAsync(identity.Id, "http://example.com", stack.SampleAuthenticatorConfigId);
        Assert.Equal(CredentialBindingJobStates.LinkSent, job.State);

        var mailbox = new Uri(stack.ServerUrl, "/dev/mailbox").ToString();
        var message = page.Locator("article", new() { HasText = $"{username}@example.com" });
        await WaitForAsync(page, mailbox, message);
        await stack.ScreenshotAsync(page, "dev-mailbox");

        var text = await message.Locator("pre").TextContentAsync() ?? "";
        var link = BindingLink().Match(text);
        Assert.True(link.Success, "no binding link in the plain-text part:\n" + text);
        Assert.Contains(job.Id, link.Value, StringComparison.Ordinal);

        // The click: the browser follows the server's 302 to the sample's invoke URL + /bind.
        await page.GotoAsync(link.Value);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your passkey is ready" }).WaitForAsync();
        Assert.Equal(username, await page.Locator("#passkey-username").InnerTextAsync());

        var bound = await stack.Client.CredentialBindingJobs.GetAsync(identity.Id, job.Id);
        Assert.Equal(CredentialBindingJobStates.Complete, bound.State);
        Assert.Equal(bound.CredentialId, await page.Locator("#passkey-id").InnerTextAsync());

        var notice = page.Locator("article", new() { HasText = "passkey was added" }).Filter(new() { HasText = $"{username}@example.com" });
        await WaitForAsync(page, mailbox, notice);
        Assert.Empty(errors);
    }

    /// <summary>Reloads the mailbox until <paramref name="locator"/> shows: the sender delivers in the background.</summary>
    private static async Task WaitForAsync(IPage page, string mailbox, ILocator locator)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GotoAsync(mailbox);
            if (await locator.CountAsync() > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the message never reached the dev mailbox");
            await Task.Delay(250);
        }
    }

    [GeneratedRegex(@"https?://\S+:invokeAuthenticator\?token=[A-Za-z0-9_-]{64}")]
    private static partial Regex BindingLink();
}
