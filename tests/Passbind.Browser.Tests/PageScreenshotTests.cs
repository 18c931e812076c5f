using Microsoft.Playwright;

namespace Passbind.Browser.Tests;

/// <summary>
/// Screenshots of every sample page and of the server's /bind page, at a phone's size and a desktop's, written under
/// the test output (screenshots/) and to docs/screenshots. Each page must fit the phone's width without sideways scrolling.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PageScreenshotTests(RunningPassbind stack)
{
    [Theory]
    [InlineData("phone", 390, 844, "alice")]
    [InlineData("desktop", 1280, 800, "ada")]
    public async Task Pages_AtViewport_AreScreenshottedAndFitTheWidth(string size, int width, int height, string username)
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors, width, height);

        await page.GotoAsync(stack.SampleUrl.ToString());
        await page.GetByLabel("Username").FillAsync(username);
        await stack.ScreenshotFittingAsync(page, $"sample-signup-{size}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create passkey" }).ClickAsync();
        await page.Locator("#result").WaitForAsync();
        await stack.ScreenshotFittingAsync(page, $"sample-signup-done-{size}");

        await page.WaitForURLAsync(new Uri(stack.SampleUrl, "/passkeys").ToString());
        await page.Locator(".passkey").First.WaitForAsync();
        await stack.ScreenshotFittingAsync(page, $"sample-passkeys-{size}");

        var (_, sampleJob) = await stack.CreateLinkAsync(stack.SampleAuthenticatorConfigId);
        using (var opened = await stack.Http.GetAsync(sampleJob.CredentialBindingLink))
        {
            await page.GotoAsync(opened.Headers.Location!.ToString());
        }

        await page.GetByRole(AriaRole.Heading, new() { Name = "Your passkey is ready" }).WaitForAsync();
        await stack.ScreenshotFittingAsync(page, $"sample-bind-{size}");

        var (_, serverJob) = await stack.CreateLinkAsync(stack.ServerAuthenticatorConfigId, "http://example.com");
        using var serverOpened = await stack.Http.GetAsync(serverJob.CredentialBindingLink);
        var serverBindUrl = serverOpened.Headers.Location!.ToString();
        await page.GotoAsync(serverBindUrl);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your passkey is ready" }).WaitForAsync();
        await stack.ScreenshotFittingAsync(page, $"server-bind-{size}");

        await page.GotoAsync(serverBindUrl);
        await page.GetByRole(AriaRole.Heading, new() { Name = "The passkey was not created" }).WaitForAsync();
        await stack.ScreenshotFittingAsync(page, $"server-bind-error-{size}");

        Assert.Empty(errors);
    }
}
