using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Passbind.Client;

namespace Passbind.Browser.Tests.Console;

/// <summary>
/// The first operator of a new server, in Chromium with the virtual authenticator: the bootstrap administrator's
/// binding link from bootstrap.json, a passkey bound on the hosted /bind page, sign-in to <c>console_url</c> through
/// Passbind's own OIDC with that passkey (no session made by the test), and then the console's work. Every console page
/// is checked with axe-core and screenshotted on a desktop and a phone (docs/screenshots).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ConsoleFirstOperatorTests(RunningPassbind stack, ConsoleServer server)
{
    [Fact]
    public async Task FirstOperator_BindsFromBootstrapLinkSignsInAndOperates()
    {
        await server.StartAsync();
        var consoleUrl = await server.BootstrapValueAsync("console_url");
        var adminLink = await server.BootstrapValueAsync("admin_binding_link");
        Assert.Equal(server.Url.ToString().TrimEnd('/') + "/console", consoleUrl);
        var client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(server.BootstrapPath));
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        await AxeCheck.AddToAsync(page.Context, stack.RepositoryRoot);
        var visited = new List<(string Name, string Url)>();

        // 1. The bootstrap link: the hosted /bind page creates the administrator's passkey and offers the console.
        await page.GotoAsync(adminLink);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your passkey is ready" }).WaitForAsync();
        Assert.Equal("Administrator", await page.Locator("#passkey-username").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to " + server.Url.Authority }).ClickAsync();

        // 2. The console sends a browser without a session to its sign-in page; the button signs in through OIDC.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/console/signin");
        await CheckAsync(page, "console-signin", visited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await SignedInAsync(page);
        Assert.Contains("admin", await page.Locator("header .who").InnerTextAsync(), StringComparison.Ordinal);
        var realmPath = new Uri(page.Url).AbsolutePath[..^"/identities".Length];
        await CheckAsync(page, "console-identities", visited);

        // 3. A new identity, made in the form.
        var username = "ada" + Guid.NewGuid().ToString("N")[..8];
        await page.GetByRole(AriaRole.Link, new() { Name = "New identity" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "New identity" }).WaitForAsync();
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Display name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Email address (optional)").FillAsync(username + "@example.com");
        await CheckAsync(page, "console-identity-new", visited);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create identity" }).ClickAsync();
        await page.GetByText($"Created {username}.").WaitForAsync();
        var identity = await client.Identities.FindByUsernameAsync(username);
        Assert.NotNull(identity);
        Assert.Equal("Ada Lovelace", identity.DisplayName);
        var identityUrl = page.Url;

        // 4. A RETURN binding link: shown once, with a QR code to open it on a phone.
        await page.GetByLabel("Show the link and a QR code here").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var link = await page.GetByLabel("Link", new() { Exact = true }).InputValueAsync();
        Assert.Contains($"/identities/{identity.Id}/credential-binding-jobs/", link, StringComparison.Ordinal);
        Assert.Contains(":invokeAuthenticator?token=", link, StringComparison.Ordinal);
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code of the binding link" });
        Assert.True((await qr.Locator("svg").BoundingBoxAsync())!.Width >= 128, "the QR code is too small to scan");
        await CheckAsync(page, "console-identity-link", visited, keep: false);

        // 5. The identity opens the link on its own device and binds a passkey; the console lists it, and revokes it.
        var device = await stack.NewPageAsync(errors);
        await device.GotoAsync(link);
        await device.GetByRole(AriaRole.Heading, new() { Name = "Your passkey is ready" }).WaitForAsync();
        await page.GotoAsync(identityUrl);
        var passkeys = page.Locator("section[aria-labelledby='passkeys']");
        await passkeys.GetByText("ACTIVE").WaitForAsync();
        await CheckAsync(page, "console-identity", visited);
        await passkeys.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await page.GetByText("Passkey revoked.").WaitForAsync();
        Assert.Equal(CredentialStates.Revoked, (await client.Credentials.ListAsync(identity.Id).FirstAsync()).State);

        // 6. Suspend it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        await page.GetByText("Suspended.", new() { Exact = true }).WaitForAsync();
        Assert.Equal(IdentityStatuses.Suspended, (await client.Identities.GetAsync(identity.Id)).Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Reactivate" }).WaitForAsync();

        // 7. Every other page of the console, desktop first.
        foreach (var (name, path) in OtherPages(realmPath))
        {
            await page.GotoAsync(new Uri(server.Url, path).ToString());
            await CheckAsync(page, name, visited);
        }

        // The realm's theme: a bad colour is refused with the API's field error; a good theme shows in both previews.
        await page.GotoAsync(new Uri(server.Url, realmPath + "/settings").ToString());
        await page.GetByLabel("Name in emails").FillAsync("Analytical Engines");
        await page.GetByLabel("Support URL").FillAsync("https://engines.example/help");
        await page.GetByLabel("Button colour (#RRGGBB)").FillAsync("purple");
        await page.GetByLabel("Button text colour (#RRGGBB)").FillAsync("#ffffff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save theme" }).ClickAsync();
        await page.GetByText("theme.button_color: must be a colour in the form #RRGGBB").WaitForAsync();
        Assert.Equal("purple", await page.GetByLabel("Button colour (#RRGGBB)").InputValueAsync());
        await page.GetByLabel("Button colour (#RRGGBB)").FillAsync("#6b21a8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save theme" }).ClickAsync();
        await page.GetByText("Theme saved.").WaitForAsync();
        var email = page.FrameLocator("iframe[title='Preview of the binding email']");
        await email.GetByText("Set up your passkey for Analytical Engines").WaitForAsync();
        Assert.Equal("rgb(107, 33, 168)", await email.GetByRole(AriaRole.Link, new() { Name = "Set up your passkey" }).EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        var bindPreview = page.FrameLocator("iframe[title='Preview of the hosted bind page']");
        var proceed = bindPreview.GetByText("Continue to app.example.com");
        await proceed.WaitForAsync();
        Assert.Equal("rgb(107, 33, 168)", await proceed.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("https://engines.example/help", await bindPreview.GetByRole(AriaRole.Link, new() { Name = "Contact support" }).GetAttributeAsync("href"));
        await CheckAsync(page, "console-realm-settings", visited);

        // The console's own application and its authenticator config, from their lists.
        await page.GotoAsync(new Uri(server.Url, realmPath + "/applications").ToString());
        await page.Locator("#content").GetByRole(AriaRole.Link, new() { Name = "Passbind Console" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Passbind Console", Exact = true }).WaitForAsync();
        Assert.Equal("Passbind Console", await page.GetByLabel("Display name").InputValueAsync());
        await CheckAsync(page, "console-application", visited);
        await page.GotoAsync(new Uri(server.Url, realmPath + "/authenticator-configs").ToString());
        await page.Locator("#content").GetByRole(AriaRole.Link, new() { Name = "Passbind Console" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Passbind Console", Exact = true }).WaitForAsync();
        Assert.Equal(server.Url.ToString().TrimEnd('/'), await page.GetByLabel("Trusted origins (one a line)").InputValueAsync());
        await CheckAsync(page, "console-authenticator-config", visited);

        // 8. The same pages at a phone's size: nothing wider than the screen, nothing axe-core objects to.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var (name, url) in visited)
        {
            await page.GotoAsync(url);
            await AxeCheck.AssertNoSeriousViolationsAsync(page, name + " (phone)");
            await stack.ScreenshotFittingAsync(page, name + "-phone");
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Import_ThousandRowsWithSomeBad_ShowsProgressAndAReportOfEachFailedRow()
    {
        await server.StartAsync();
        var page = await SignedInPageAsync();
        var realmPath = new Uri(page.Url).AbsolutePath[..^"/identities".Length];
        var client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(server.BootstrapPath));
        var prefix = "imp" + Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder("username,display_name,email\n");
        var bad = new Dictionary<int, string>();
        for (var row = 2; row <= 1001; row++)
        {
            var n = row - 1;
            switch (n % 100)
            {
                case 7:
                    csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{n},Person {n},not-an-email\n");
                    bad[row] = "primary_email_address";
                    break;
                case 42:
                    csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{n - 1},\"Duplicate, of {n - 1}\",\n");
                    bad[row] = "already exists";
                    break;
                case 99:
                    csv.Append(",Nobody,\n");
                    bad[row] = "username";
                    break;
                default:
                    csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{n},\"Person {n}\",{prefix}-{n}@example.com\n");
                    break;
            }
        }

        await page.GotoAsync(new Uri(server.Url, realmPath + "/identities/import").ToString());
        await page.GetByRole(AriaRole.Heading, new() { Name = "Import identities" }).WaitForAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByLabel("Email a binding link to each imported identity that has an email address").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        // The progress bar moves while the rows go in, and the report follows.
        var progress = page.GetByRole(AriaRole.Progressbar, new() { Name = "Import progress" });
        await progress.WaitForAsync();
        Assert.Equal("1000", await progress.GetAttributeAsync("max"));
        await page.GetByText($"{1000 - bad.Count} imported, {bad.Count} failed").WaitForAsync(new() { Timeout = 300_000 });
        Assert.Equal("1000", await progress.GetAttributeAsync("value"));
        await AxeCheck.AssertNoSeriousViolationsAsync(page, "console-import-report");
        await stack.ScreenshotFittingAsync(page, "console-import-report-desktop");

        var report = page.Locator("table.import-report tbody tr");
        Assert.Equal(bad.Count, await report.CountAsync());
        foreach (var (row, reason) in bad)
        {
            var line = page.Locator("table.import-report tbody tr", new() { Has = page.Locator($"td[data-label='Row']:text-is('{row}')") });
            Assert.Contains(reason, await line.InnerTextAsync(), StringComparison.Ordinal);
        }

        // What the report says is what is stored: each good row an identity with its email link queued.
        var imported = await client.Identities.FindByUsernameAsync($"{prefix}-1");
        Assert.NotNull(imported);
        Assert.Equal("Person 1", imported.DisplayName);
        Assert.Equal($"{prefix}-1@example.com", imported.Traits.PrimaryEmailAddress);
        var job = await client.CredentialBindingJobs.ListAsync(imported.Id).FirstAsync();
        Assert.Equal(DeliveryMethods.Email, job.DeliveryMethod);
        Assert.Null(await client.Identities.FindByUsernameAsync($"{prefix}-7"));
        Assert.NotNull(await client.Identities.FindByUsernameAsync($"{prefix}-41"));
        Assert.NotNull(await client.Identities.FindByUsernameAsync($"{prefix}-1000"));
    }

    /// <summary>Waits for the console's identities page after a sign-in, or fails with what the browser shows instead.</summary>
    private async Task SignedInAsync(IPage page)
    {
        try
        {
            await page.GetByRole(AriaRole.Heading, new() { Name = "Identities", Exact = true }).WaitForAsync(new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Not signed in: the browser shows {page.Url}:\n{await page.Locator("body").InnerTextAsync()}\n--- server ---\n{server.Output}");
        }
    }

    private static (string Name, string Path)[] OtherPages(string realmPath) =>
    [
        ("console-dashboard", realmPath + "/dashboard"),
        ("console-jobs", realmPath + "/jobs"),
        ("console-outbox", realmPath + "/outbox"),
        ("console-import", realmPath + "/identities/import"),
        ("console-applications", realmPath + "/applications"),
        ("console-authenticator-configs", realmPath + "/authenticator-configs"),
        ("console-realms", "/console/realms"),
        ("console-events", realmPath + "/events"),
    ];

    /// <summary>axe-core on the page, then its desktop screenshot; remembered for the phone's round unless it shows a one-time secret.</summary>
    private async Task CheckAsync(IPage page, string name, List<(string Name, string Url)> visited, bool keep = true)
    {
        await AxeCheck.AssertNoSeriousViolationsAsync(page, name);
        await stack.ScreenshotFittingAsync(page, name + "-desktop");
        if (keep)
        {
            visited.Add((name, page.Url));
        }
    }

    /// <summary>A second operator's browser: the administrator signed in again with another passkey, like the first.</summary>
    private async Task<IPage> SignedInPageAsync()
    {
        var admin = await server.Client().Identities.FindByUsernameAsync("admin");
        Assert.NotNull(admin);
        var page = await server.SignedInPageAsync(stack, admin.Id, []);
        await SignedInAsync(page);
        return page;
    }
}
