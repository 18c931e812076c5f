using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using Passbind.Client;
using Passbind.Testing.Console;

namespace Passbind.Browser.Tests.Console;

/// <summary>
/// The console's authorization in Chromium, against the console tests' server: an identity signed in with its own
/// passkey but without the administrator role is refused every page and every action (the list of
/// <see cref="ConsoleRoutes"/>, which the in-process tests check against the server's pages and handlers); and an
/// administrator's form posted without its antiforgery token, or with a forged one, is refused and changes nothing.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ConsoleAuthorizationTests(RunningPassbind stack, ConsoleServer server)
{
    // Submits a form built in the page as a browser sends one: its cookies, its origin, the fields urlencoded.
    private const string SubmitForm = """
        ([action, fields]) => {
          const form = document.createElement("form");
          form.method = "post";
          form.action = action;
          for (const [name, value] of Object.entries(fields)) {
            const input = document.createElement("input");
            input.type = "hidden";
            input.name = name;
            input.value = value;
            form.append(input);
          }
          document.body.append(form);
          form.submit();
        }
        """;

    [Fact]
    public async Task NonAdministrator_SignedInWithAPasskey_IsRefusedEveryPageAndAction()
    {
        await server.StartAsync();
        var client = server.Client();
        var plain = await NewIdentityAsync(client, "plain");
        var victim = await NewIdentityAsync(client, "victim");
        var errors = new List<string>();
        var device = await stack.NewPageAsync(errors);
        await server.BindPasskeyAsync(device, victim.Id);
        var credential = await client.Credentials.ListAsync(victim.Id).FirstAsync();
        var options = PassbindClientOptions.FromBootstrapFile(server.BootstrapPath);
        var themeBefore = await ThemeAsync(options);
        var targets = new ConsoleTargets(options.RealmId, victim.Id, credential.Id, options.ManagementApplicationId!, await server.ConsoleConfigIdAsync());

        // Signed in through the console's own sign-in, the identity lands on a refusal, not on the console.
        var page = await server.SignedInPageAsync(stack, plain.Id, errors);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" }).WaitForAsync(new() { Timeout = 60_000 });

        foreach (var path in ConsoleRoutes.Pages(targets))
        {
            var response = await page.GotoAsync(new Uri(server.Url, path).ToString());
            Assert.True(response!.Status == 403, $"{path} answered {response.Status}");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" }).WaitForAsync();
        }

        // Each action posted from a console page with that page's valid antiforgery token is refused before it runs.
        foreach (var (action, fields) in ConsoleRoutes.Actions(targets))
        {
            await page.GotoAsync(new Uri(server.Url, "/console/signin").ToString());
            var form = new Dictionary<string, string>(fields) { ["__csrf"] = (await page.Locator("input[name='__csrf']").First.GetAttributeAsync("value"))! };
            var response = await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync(SubmitForm, new object[] { action, form }), IsPost);
            Assert.True(response!.Status == 403, $"{action} answered {response.Status}");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" }).WaitForAsync();
        }

        // Nothing changed, as the API tells.
        var after = await client.Identities.GetAsync(victim.Id);
        Assert.Equal((IdentityStatuses.Active, victim.DisplayName), (after.Status, after.DisplayName));
        Assert.Equal(CredentialStates.Active, (await client.Credentials.GetAsync(victim.Id, credential.Id)).State);
        Assert.Single(await client.CredentialBindingJobs.ListAsync(victim.Id).ToListAsync());
        Assert.Null(await client.Identities.FindByUsernameAsync("intruder"));
        Assert.DoesNotContain(await client.Realms.ListAsync().ToListAsync(), realm => realm.DisplayName == "intruder");
        Assert.DoesNotContain(await client.Applications.ListAsync().ToListAsync(), application => application.DisplayName == "intruder");
        Assert.DoesNotContain(await client.AuthenticatorConfigs.ListAsync().ToListAsync(), config => config.DisplayName == "intruder");
        Assert.Equal(themeBefore, await ThemeAsync(options));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Post_WithMissingOrForgedAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        await server.StartAsync();
        var client = server.Client();
        var admin = await client.Identities.FindByUsernameAsync("admin");
        Assert.NotNull(admin);
        var victim = await NewIdentityAsync(client, "keep");
        var errors = new List<string>();
        var page = await server.SignedInPageAsync(stack, admin.Id, errors);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Identities", Exact = true }).WaitForAsync(new() { Timeout = 60_000 });
        var identityUrl = new Uri(page.Url, UriKind.Absolute).GetLeftPart(UriPartial.Path) + "/" + victim.Id;

        // The delete form, filled in as the operator would, posted without its token, and then with a token the server
        // never issued: 400 each time. Each post is made from a tab of its own in the signed-in browser, so that the
        // refusal's page never races the next step's navigation.
        Assert.Equal(400, await PostDeleteAsync("input => input.remove()"));
        Assert.Equal(400, await PostDeleteAsync("input => input.value = 'CfDJ8' + 'A'.repeat(120)"));

        // The identity is there, on its page and in the API.
        var check = await page.Context.NewPageAsync();
        var response = await check.GotoAsync(identityUrl);
        Assert.Equal(200, response!.Status);
        await check.GetByRole(AriaRole.Heading, new() { Name = victim.DisplayName }).WaitForAsync();
        Assert.Equal(IdentityStatuses.Active, (await client.Identities.GetAsync(victim.Id)).Status);
        Assert.Empty(errors);

        async Task<int> PostDeleteAsync(string changeToken)
        {
            var tab = await page.Context.NewPageAsync();
            await tab.GotoAsync(identityUrl);
            var deleteForm = tab.Locator("form.danger-zone");
            await deleteForm.GetByLabel("To delete this identity and its passkeys, type its username").FillAsync(victim.Traits.Username!);
            await deleteForm.Locator("input[name='__csrf']").EvaluateAsync(changeToken);
            var posted = await tab.RunAndWaitForResponseAsync(() => deleteForm.GetByRole(AriaRole.Button, new() { Name = "Delete identity" }).ClickAsync(), IsPost);
            return posted.Status;
        }
    }

    private static bool IsPost(IResponse response) => response.Request.Method == "POST";

    private static Task<Identity> NewIdentityAsync(PassbindClient client, string prefix)
    {
        var username = prefix + Guid.NewGuid().ToString("N")[..8];
        return client.Identities.CreateAsync(new CreateIdentityRequest { DisplayName = "Person " + username, Traits = new IdentityTraits { Username = username } });
    }

    /// <summary>The realm's active theme as the management API returns it.</summary>
    private async Task<string> ThemeAsync(PassbindClientOptions options)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Url, $"/v1/tenants/{options.TenantId}/realms/{options.RealmId}/themes/active"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);
        using var response = await stack.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var theme = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return string.Join('|', new[] { "email_realm_name", "logo_url_light", "support_url", "button_color", "button_text_color" }
            .Select(name => theme.RootElement.TryGetProperty(name, out var value) ? value.ToString() : ""));
    }
}
