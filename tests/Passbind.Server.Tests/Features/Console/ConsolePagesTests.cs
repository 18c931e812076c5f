using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Tests.Email;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage.Entities;
using Passbind.Testing.Console;

namespace Passbind.Server.Tests.Features.Console;

/// <summary>
/// The admin console in process: bootstrap, the authorization of every page and action, antiforgery, and the
/// core flows (identities, passkeys, links, jobs, outbox), asserting what the operator sees and what is stored.
/// Each test makes its own realm in the bootstrap tenant and its own administrator there.
/// </summary>
public abstract class ConsolePagesTests(PassbindServer server)
{
    [Fact]
    public async Task Bootstrap_FirstStart_WritesConsoleUrlAndAOneTimeLinkForAnAdministrator()
    {
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Storage.DataDirectory, "bootstrap.json")));
        var root = file.RootElement;
        Assert.Equal($"{PassbindServerFactory.PublicBaseUrl}/console", root.GetProperty("console_url").GetString());
        var link = root.GetProperty("admin_binding_link").GetString()!;
        var bootstrap = server.Bootstrap;
        Assert.Matches($"^{Regex(bootstrap.RealmPath)}/identities/[0-9a-f]+/credential-binding-jobs/[0-9a-f]+:invokeAuthenticator\\?token=", link.Replace(PassbindServerFactory.PublicBaseUrl, "", StringComparison.Ordinal));

        var identityId = link.Split("/identities/")[1].Split('/')[0];
        var (admin, application, config) = await server.QueryDbAsync(async db => (
            await db.Identities.SingleAsync(i => i.Id == identityId),
            await db.Applications.SingleAsync(a => a.TenantId == bootstrap.TenantId && a.Classification == "console"),
            await db.AuthenticatorConfigs.SingleAsync(c => c.DisplayName == "Passbind Console" && c.TenantId == bootstrap.TenantId)));
        Assert.Equal("admin", admin.Username);
        Assert.Equal("administrator", admin.ConsoleRole);
        Assert.Equal("public", application.Confidentiality);
        Assert.Equal("s256", application.Pkce);
        Assert.Null(application.ClientSecretHash);
        Assert.Equal($"[\"{PassbindServerFactory.PublicBaseUrl}/console/signin-oidc\"]", application.RedirectUrisJson);
        Assert.Equal(config.Id, application.AuthenticatorConfigId);
        Assert.Equal(PassbindServerFactory.PublicBaseUrl, config.InvokeUrl);
    }

    [Fact]
    public async Task Pages_WithoutSession_RedirectToSignInAndActionsDoNothing()
    {
        var realm = await server.CreateRealmAsync(server.Bootstrap.TenantId);
        var victim = await NewIdentityAsync(realm);
        using var browser = ConsoleBrowser.Anonymous(server);

        foreach (var path in ConsoleRoutes.Pages(Targets(realm, victim, "x")))
        {
            using var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/console/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var signIn = await browser.GetAsync("/console/signin");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Sign in with a passkey", browser.Html, StringComparison.Ordinal);
        using var delete = await browser.PostFormAsync($"/console/realms/{realm.RealmId}/identities/{victim}?handler=Delete", new Dictionary<string, string> { ["confirm"] = "x" });
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.True(await server.QueryDbAsync(db => db.Identities.AnyAsync(i => i.Id == victim)));
    }

    [Fact]
    public async Task NonAdministrator_IsRefusedEveryPageAndAction()
    {
        var realm = await server.CreateRealmAsync(server.Bootstrap.TenantId);
        var plain = await NewIdentityAsync(realm);
        var victim = await NewIdentityAsync(realm);
        var credential = await server.InsertCredentialAsync(realm.TenantId, realm.RealmId, victim);
        var targets = Targets(realm, victim, credential.Id);
        var before = await server.QueryDbAsync(db => db.Applications.SingleAsync(a => a.Id == realm.ApplicationId));
        using var browser = ConsoleBrowser.SignedIn(server, plain, realm.TenantId, realm.RealmId);

        foreach (var path in ConsoleRoutes.Pages(targets))
        {
            using var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} answered {response.StatusCode}");
            Assert.Contains("Not allowed", browser.Html, StringComparison.Ordinal);
        }

        // Actions, each with a valid antiforgery token (from the sign-in page), are refused before they run.
        await browser.GetAsync("/console/signin");
        foreach (var (action, fields) in ConsoleRoutes.Actions(targets))
        {
            using var response = await browser.PostFormAsync(action, fields, browser.AntiforgeryToken());
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{action} answered {response.StatusCode}");
        }

        var after = await server.QueryDbAsync(async db => (
            await db.Identities.SingleAsync(i => i.Id == victim),
            await db.Credentials.SingleAsync(c => c.Id == credential.Id),
            await db.CredentialBindingJobs.CountAsync(j => j.IdentityId == victim)));
        Assert.Equal("active", after.Item1.Status);
        Assert.Null(after.Item1.ConsoleRole);
        Assert.Equal("ACTIVE", after.Item2.State);
        Assert.Equal(0, after.Item3);
        Assert.False(await server.QueryDbAsync(db => db.Identities.AnyAsync(i => i.RealmId == realm.RealmId && i.Username == "intruder")));
        Assert.False(await server.QueryDbAsync(db => db.Applications.AnyAsync(a => a.RealmId == realm.RealmId && a.DisplayName == "intruder")));
        Assert.False(await server.QueryDbAsync(db => db.AuthenticatorConfigs.AnyAsync(c => c.RealmId == realm.RealmId && c.DisplayName == "intruder")));
        Assert.False(await server.QueryDbAsync(db => db.Realms.AnyAsync(r => r.TenantId == realm.TenantId && r.DisplayName == "intruder")));
        Assert.False(await server.QueryDbAsync(db => db.Themes.AnyAsync(t => t.RealmId == realm.RealmId && t.ButtonColor != null)));
        var application = await server.QueryDbAsync(db => db.Applications.SingleAsync(a => a.Id == realm.ApplicationId));
        Assert.Equal(before.DisplayName, application.DisplayName);
        Assert.Equal(before.ClientSecretHash, application.ClientSecretHash);
    }

    [Fact]
    public async Task Routes_NameEveryConsolePageAndHandler()
    {
        // Every route of the console and each of its handlers, as the server compiled them, must be in ConsoleRoutes,
        // so the authorization tests (here and in Chromium) cover a page or action as soon as it exists.
        var targets = new ConsoleTargets("r", "i", "c", "a", "g");
        var pages = ConsoleRoutes.Pages(targets).Select(Split).ToList();
        var actions = ConsoleRoutes.Actions(targets).Select(action => Split(action.Action)).ToList();
        var loader = server.Services.GetRequiredService<PageLoader>();
        var missing = new List<string>();
        var routes = 0;
        var checkedHandlers = 0;
        foreach (var endpoint in server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor || template == "/console/signin")
            {
                continue;
            }

            routes++;
            var route = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Replace(template, "\\{[^}]+\\}", "[^/]+") + "$");
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            // Handlers by Razor Pages' naming (OnGet…, OnPost…); OnPageHandlerExecutionAsync, the base page's filter, is none.
            var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name))
                .Where(h => h.Method is "GET" or "POST").ToList();
            if (template != "/console/signout")
            {
                handlers.Add(("GET", null));
            }

            foreach (var (method, name) in handlers.Distinct())
            {
                checkedHandlers++;
                var list = method == "GET" ? pages : actions;
                if (!list.Any(p => route.IsMatch(p.Path) && string.Equals(p.Handler, name, StringComparison.OrdinalIgnoreCase)))
                {
                    missing.Add($"{method} {template}{(name is null ? "" : "?handler=" + name)}");
                }
            }
        }

        Assert.True(routes >= 16 && checkedHandlers >= 35, $"found only {routes} console routes and {checkedHandlers} handlers");
        Assert.True(missing.Count == 0, "ConsoleRoutes lacks:\n" + string.Join('\n', missing));

        static (string Path, string? Handler) Split(string url)
        {
            var parts = url.Split('?', 2);
            var handler = parts.Length == 1 ? null : QueryHelpers.ParseQuery(parts[1]).TryGetValue("handler", out var value) ? value.ToString() : null;
            return (parts[0], handler);
        }
    }

    [Fact]
    public async Task Post_WithMissingOrForgedAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var (realm, admin) = await NewAdministratorAsync();
        var victim = await NewIdentityAsync(realm);
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var path = $"/console/realms/{realm.RealmId}/identities/{victim}";
        await browser.GetAsync(path);
        var username = await server.QueryDbAsync(db => db.Identities.Where(i => i.Id == victim).Select(i => i.Username).SingleAsync());

        using var missing = await browser.PostFormAsync(path + "?handler=Delete", new Dictionary<string, string> { ["confirm"] = username }, token: "");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("<h1>This form was refused</h1>", browser.Html, StringComparison.Ordinal);
        using var forged = await browser.PostFormAsync(path + "?handler=Delete", new Dictionary<string, string> { ["confirm"] = username }, token: "CfDJ8forged" + new string('A', 80));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("so nothing was changed", browser.Html, StringComparison.Ordinal);

        // A token from another session does not do either.
        var (_, otherAdmin) = await NewAdministratorAsync(realm);
        using var other = ConsoleBrowser.SignedIn(server, otherAdmin, realm.TenantId, realm.RealmId);
        await other.GetAsync(path);
        using var foreign = await browser.PostFormAsync(path + "?handler=Delete", new Dictionary<string, string> { ["confirm"] = username }, token: other.AntiforgeryToken());
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);

        Assert.True(await server.QueryDbAsync(db => db.Identities.AnyAsync(i => i.Id == victim)));
    }

    [Fact]
    public async Task Administrator_CreatesAnIdentity_FindsItByPrefix_AndSendsItAReturnLinkWithAQrCode()
    {
        var (realm, admin) = await NewAdministratorAsync();
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var username = PassbindServer.NewUsername();

        await browser.GetAsync($"/console/realms/{realm.RealmId}/identities/new");
        using var created = await browser.PostFormAsync($"/console/realms/{realm.RealmId}/identities/new",
            new Dictionary<string, string> { ["Username"] = username, ["DisplayName"] = "Ada Lovelace", ["Email"] = $"{username}@example.com" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detail = created.Headers.Location!.OriginalString;
        await browser.GetAsync(detail);
        Assert.Contains($"Created {username}.", browser.Html, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace", browser.Html, StringComparison.Ordinal);

        await browser.GetAsync($"/console/realms/{realm.RealmId}/identities?q={username[..^2].ToUpperInvariant()}");
        Assert.Contains($">{username}</a>", browser.Html, StringComparison.Ordinal);
        await browser.GetAsync($"/console/realms/{realm.RealmId}/identities?q={Uri.EscapeDataString(username + "@ex")}");
        Assert.Contains($">{username}</a>", browser.Html, StringComparison.Ordinal);
        await browser.GetAsync($"/console/realms/{realm.RealmId}/identities?q=zz{username}");
        Assert.Contains("No identity matches.", browser.Html, StringComparison.Ordinal);

        await browser.GetAsync(detail);
        using var sent = await browser.PostFormAsync(detail + "?handler=SendLink",
            new Dictionary<string, string> { ["deliveryMethod"] = "RETURN", ["authenticatorConfigId"] = realm.AuthenticatorConfigId });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains(":invokeAuthenticator?token=", browser.Html, StringComparison.Ordinal);
        Assert.Contains("<svg", browser.Html, StringComparison.Ordinal);
        Assert.Contains("LINK_SENT", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_CreateWithATakenUsername_SeesTheApisReasonAndNothingIsStored()
    {
        var (realm, admin) = await NewAdministratorAsync();
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var taken = await server.QueryDbAsync(db => db.Identities.Where(i => i.Id == admin).Select(i => i.Username).SingleAsync());

        await browser.GetAsync($"/console/realms/{realm.RealmId}/identities/new");
        using var response = await browser.PostFormAsync($"/console/realms/{realm.RealmId}/identities/new",
            new Dictionary<string, string> { ["Username"] = taken, ["DisplayName"] = "Someone", ["Email"] = "not-an-email" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That did not work.", browser.Html, StringComparison.Ordinal);
        Assert.Contains("identity.traits.primary_email_address", browser.Html, StringComparison.Ordinal);
        Assert.Equal(1, await server.QueryDbAsync(db => db.Identities.CountAsync(i => i.RealmId == realm.RealmId && i.Username == taken)));
    }

    [Fact]
    public async Task Administrator_SendsAnEmailLink_AndSeesItsDeliveryState()
    {
        var (realm, admin) = await NewAdministratorAsync();
        var user = await NewIdentityAsync(realm);
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var path = $"/console/realms/{realm.RealmId}/identities/{user}";

        await browser.GetAsync(path);
        using var sent = await browser.PostFormAsync(path + "?handler=SendLink",
            new Dictionary<string, string> { ["deliveryMethod"] = "EMAIL", ["authenticatorConfigId"] = realm.AuthenticatorConfigId });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        await browser.GetAsync(path);
        Assert.Contains("Binding link queued for email", browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(":invokeAuthenticator?token=", browser.Html, StringComparison.Ordinal);
        Assert.Equal(1, await server.QueryDbAsync(db => db.OutboxMessages.CountAsync(m => m.RealmId == realm.RealmId && m.Kind == "binding_link")));

        // The dev mailbox takes it at once or soon: the page shows the message's state as it is.
        Assert.Matches("<td data-label=\"Email\">\\s*<span class=\"state state-(pending|sent)\">(pending|sent)</span>", browser.Html);
    }

    [Fact]
    public async Task Administrator_RevokesAPasskeyAndALink()
    {
        var (realm, admin) = await NewAdministratorAsync();
        var user = await NewIdentityAsync(realm);
        var credential = await server.InsertCredentialAsync(realm.TenantId, realm.RealmId, user);
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var path = $"/console/realms/{realm.RealmId}/identities/{user}";

        await browser.GetAsync(path);
        Assert.Contains("ACTIVE", browser.Html, StringComparison.Ordinal);
        using var revoked = await browser.PostFormAsync(path + "?handler=RevokePasskey", new Dictionary<string, string> { ["credentialId"] = credential.Id });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        await browser.GetAsync(path);
        Assert.Contains("Passkey revoked.", browser.Html, StringComparison.Ordinal);
        Assert.Contains(">REVOKED<", browser.Html, StringComparison.Ordinal);
        Assert.Equal("REVOKED", await server.QueryDbAsync(db => db.Credentials.Where(c => c.Id == credential.Id).Select(c => c.State).SingleAsync()));

        await browser.PostFormAsync(path + "?handler=SendLink", new Dictionary<string, string> { ["deliveryMethod"] = "RETURN", ["authenticatorConfigId"] = realm.AuthenticatorConfigId });
        var job = await server.QueryDbAsync(db => db.CredentialBindingJobs.SingleAsync(j => j.IdentityId == user));
        await browser.GetAsync($"/console/realms/{realm.RealmId}/jobs?state=LINK_SENT");
        Assert.Contains(job.IdentityId, browser.Html, StringComparison.Ordinal);
        using var jobRevoked = await browser.PostFormAsync($"/console/realms/{realm.RealmId}/jobs?handler=Revoke",
            new Dictionary<string, string> { ["identityId"] = user, ["jobId"] = job.Id });
        Assert.Equal(HttpStatusCode.Redirect, jobRevoked.StatusCode);
        await browser.GetAsync($"/console/realms/{realm.RealmId}/jobs?state=REVOKED");
        Assert.Contains(">REVOKED<", browser.Html, StringComparison.Ordinal);
        Assert.Equal("REVOKED", await server.QueryDbAsync(db => db.CredentialBindingJobs.Where(j => j.Id == job.Id).Select(j => j.State).SingleAsync()));
    }

    [Fact]
    public async Task Administrator_SuspendsGivesTheRoleAndDeletesWithConfirmation()
    {
        var (realm, admin) = await NewAdministratorAsync();
        var user = await NewIdentityAsync(realm);
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var path = $"/console/realms/{realm.RealmId}/identities/{user}";
        var username = await server.QueryDbAsync(db => db.Identities.Where(i => i.Id == user).Select(i => i.Username).SingleAsync());

        await browser.GetAsync(path);
        await browser.PostFormAsync(path + "?handler=Status", new Dictionary<string, string> { ["status"] = "suspended" });
        await browser.PostFormAsync(path + "?handler=Role", new Dictionary<string, string> { ["role"] = "administrator" });
        var changed = await server.QueryDbAsync(db => db.Identities.SingleAsync(i => i.Id == user));
        Assert.Equal("suspended", changed.Status);
        Assert.Equal("administrator", changed.ConsoleRole);

        // A suspended administrator is refused at once, whatever its session says.
        using (var suspended = ConsoleBrowser.SignedIn(server, user, realm.TenantId, realm.RealmId))
        {
            using var refused = await suspended.GetAsync($"/console/realms/{realm.RealmId}/identities");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await browser.GetAsync(path);
        using var wrong = await browser.PostFormAsync(path + "?handler=Delete", new Dictionary<string, string> { ["confirm"] = "not-" + username });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains($"Type the username ({username}) to confirm.", browser.Html, StringComparison.Ordinal);
        using var deleted = await browser.PostFormAsync(path + "?handler=Delete", new Dictionary<string, string> { ["confirm"] = username });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await server.QueryDbAsync(db => db.Identities.AnyAsync(i => i.Id == user)));

        // Nobody can lock themselves out.
        await browser.GetAsync($"/console/realms/{realm.RealmId}/identities/{admin}");
        using var self = await browser.PostFormAsync($"/console/realms/{realm.RealmId}/identities/{admin}?handler=Role", new Dictionary<string, string> { ["role"] = "none" });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal("administrator", await server.QueryDbAsync(db => db.Identities.Where(i => i.Id == admin).Select(i => i.ConsoleRole).SingleAsync()));
    }

    [Fact]
    public async Task Administrator_RetriesAFailedEmail_WhichGoesBackToPending()
    {
        var (realm, admin) = await NewAdministratorAsync();
        var user = await NewIdentityAsync(realm);
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var path = $"/console/realms/{realm.RealmId}/identities/{user}";
        await browser.GetAsync(path);
        await browser.PostFormAsync(path + "?handler=SendLink", new Dictionary<string, string> { ["deliveryMethod"] = "EMAIL", ["authenticatorConfigId"] = realm.AuthenticatorConfigId });
        var message = await server.QueryDbAsync(db => db.OutboxMessages.SingleAsync(m => m.RealmId == realm.RealmId));

        // Once the sender is done with it, the message is made to look as if every attempt had failed.
        await Eventually.TrueAsync(() => server.QueryDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Id == message.Id && m.State == "sent")), "the dev mailbox send");
        await server.UseDbAsync(async db =>
        {
            await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, "failed").SetProperty(m => m.Attempts, 8).SetProperty(m => m.LastError, "554 5.7.1 rejected")
                .SetProperty(m => m.NextAttemptTime, server.Time.GetUtcNow().AddYears(1)));
            await db.CredentialBindingJobs.Where(j => j.IdentityId == user).ExecuteUpdateAsync(set => set.SetProperty(j => j.State, "FAILED_TO_SEND"));
        });

        await browser.GetAsync($"/console/realms/{realm.RealmId}/outbox?state=failed");
        Assert.Contains("554 5.7.1 rejected", browser.Html, StringComparison.Ordinal);
        Assert.Contains("Retry now", browser.Html, StringComparison.Ordinal);
        using var retried = await browser.PostFormAsync($"/console/realms/{realm.RealmId}/outbox?handler=Retry", new Dictionary<string, string> { ["messageId"] = message.Id });
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);

        var (state, jobState) = await server.QueryDbAsync(async db => (
            await db.OutboxMessages.Where(m => m.Id == message.Id).Select(m => m.State).SingleAsync(),
            await db.CredentialBindingJobs.Where(j => j.IdentityId == user).Select(j => j.State).SingleAsync()));
        Assert.NotEqual("failed", state);
        Assert.Equal("LINK_SENT", jobState);
    }

    [Fact]
    public async Task Administrator_OfAnotherTenant_SeesNothingOfThisOne()
    {
        var (realm, _) = await NewAdministratorAsync();
        var user = await NewIdentityAsync(realm);
        var other = await server.CreateTenantAsync();
        var foreignAdmin = await NewIdentityAsync(other);
        await server.UseDbAsync(db => db.Identities.Where(i => i.Id == foreignAdmin).ExecuteUpdateAsync(set => set.SetProperty(i => i.ConsoleRole, "administrator")));
        using var browser = ConsoleBrowser.SignedIn(server, foreignAdmin, other.TenantId, other.RealmId);

        using var realmPage = await browser.GetAsync($"/console/realms/{realm.RealmId}/identities");
        Assert.Equal(HttpStatusCode.NotFound, realmPage.StatusCode);
        using var identityPage = await browser.GetAsync($"/console/realms/{other.RealmId}/identities/{user}");
        Assert.Equal(HttpStatusCode.NotFound, identityPage.StatusCode);
    }

    [Fact]
    public async Task Import_WholeFileWithoutScript_CreatesGoodRowsAndReportsEachBadOneWithItsReason()
    {
        var (realm, admin) = await NewAdministratorAsync();
        var taken = await server.QueryDbAsync(db => db.Identities.Where(i => i.Id == admin).Select(i => i.Username).SingleAsync());
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var path = $"/console/realms/{realm.RealmId}/identities/import";
        var prefix = PassbindServer.NewUsername("csv");
        var csv = "Email,username,display_name\r\n" +
            $"{prefix}-a@example.com,{prefix}-a,\"Lovelace, Ada\"\r\n" +
            $"not-an-email,{prefix}-b,Bad Email\r\n" +
            "\r\n" +
            $",{taken},Taken\r\n" +
            $"{prefix}-c@example.com,{prefix}-c\r\n" +
            $",{prefix}-d,\"Two\nLines\"\r\n" +
            $"{prefix}-e@example.com,{prefix}-e,\r\n";

        await browser.GetAsync(path);
        using var response = await browser.PostFileAsync(path, new Dictionary<string, string> { ["authenticatorConfigId"] = realm.AuthenticatorConfigId }, "file", "people.csv", csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 imported, 4 failed", browser.Html, StringComparison.Ordinal);
        Assert.Matches("<td data-label=\"Row\">3</td>\\s*<td data-label=\"Username\">[^<]*-b</td>\\s*<td data-label=\"What happened\">identity.traits.primary_email_address: ", browser.Html);
        Assert.Matches($"<td data-label=\"Row\">4</td>\\s*<td data-label=\"Username\">{taken}</td>\\s*<td data-label=\"What happened\">username already exists", browser.Html);
        Assert.Matches("<td data-label=\"Row\">5</td>\\s*<td data-label=\"Username\">[^<]*-c</td>\\s*<td data-label=\"What happened\">The row has 2 fields; the header has 3.", browser.Html);
        var stored = await server.QueryDbAsync(db => db.Identities.Where(i => i.RealmId == realm.RealmId && i.Username.StartsWith(prefix)).OrderBy(i => i.Username).ToListAsync());
        Assert.Matches("<td data-label=\"Row\">6</td>\\s*<td data-label=\"Username\">[^<]*-d</td>\\s*<td data-label=\"What happened\">identity.display_name: ", browser.Html);
        Assert.Equal([$"{prefix}-a", $"{prefix}-e"], stored.Select(i => i.Username));
        Assert.Equal("Lovelace, Ada", stored[0].DisplayName);
        Assert.Equal($"{prefix}-a@example.com", stored[0].PrimaryEmailAddress);
        Assert.Equal($"{prefix}-e", stored[1].DisplayName);
        Assert.Equal(0, await server.QueryDbAsync(db => db.CredentialBindingJobs.CountAsync(j => j.RealmId == realm.RealmId)));
    }

    [Fact]
    public async Task ImportRows_PartSentByTheScriptWithLinks_AnswersEachRowNumberedAndQueuesOneEmailPerAddress()
    {
        var (realm, admin) = await NewAdministratorAsync();
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var path = $"/console/realms/{realm.RealmId}/identities/import";
        var prefix = PassbindServer.NewUsername("part");
        await browser.GetAsync(path);

        using var response = await browser.PostFormAsync(path + "?handler=Rows", new Dictionary<string, string>
        {
            ["csv"] = $"username,email\n{prefix}-a,{prefix}-a@example.com\n{prefix}-b,\n,x@example.com",
            ["firstRow"] = "101",
            ["sendLinks"] = "true",
            ["authenticatorConfigId"] = realm.AuthenticatorConfigId,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = JsonDocument.Parse(browser.Html).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([101, 102, 103], rows.Select(r => r.GetProperty("row").GetInt32()));
        Assert.True(rows[0].GetProperty("linkQueued").GetBoolean());
        Assert.Equal("No email address, so no binding link was sent.", rows[1].GetProperty("linkProblem").GetString());
        Assert.NotEqual(JsonValueKind.Null, rows[1].GetProperty("identityId").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("identityId").ValueKind);
        Assert.Contains("identity.traits.username", rows[2].GetProperty("problem").GetString(), StringComparison.Ordinal);
        var jobs = await server.QueryDbAsync(db => db.CredentialBindingJobs.Where(j => j.RealmId == realm.RealmId).ToListAsync());
        Assert.Equal("EMAIL", Assert.Single(jobs).DeliveryMethod);
        Assert.Equal(rows[0].GetProperty("identityId").GetString(), jobs[0].IdentityId);
        Assert.Equal(1, await server.QueryDbAsync(db => db.OutboxMessages.CountAsync(m => m.RealmId == realm.RealmId && m.Recipient == $"{prefix}-a@example.com")));

        // A file the server cannot read is refused whole, and says why.
        using var refused = await browser.PostFormAsync(path + "?handler=Rows", new Dictionary<string, string> { ["csv"] = "username,phone\nx,1", ["firstRow"] = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Unknown column \\u0022phone\\u0022", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ShowsTodaysBindsSignInsAndTheOutbox()
    {
        var (realm, admin) = await NewAdministratorAsync();
        var user = await NewIdentityAsync(realm);
        await server.InsertCredentialAsync(realm.TenantId, realm.RealmId, user);
        await server.InsertCredentialAsync(realm.TenantId, realm.RealmId, user);

        // Refused ceremonies, as the audit trail records them: two of this realm count as failures; a success, and a
        // refusal in another realm, do not.
        var (otherRealm, _) = await NewAdministratorAsync();
        await server.UseDbAsync(async db =>
        {
            db.AuditEvents.AddRange(
                AuditEventOf(realm.TenantId, realm.RealmId, "sign_in.failed", "failure"),
                AuditEventOf(realm.TenantId, realm.RealmId, "registration.failed", "failure"),
                AuditEventOf(realm.TenantId, realm.RealmId, "credential.bound", "success"),
                AuditEventOf(otherRealm.TenantId, otherRealm.RealmId, "sign_in.failed", "failure"));
            await db.SaveChangesAsync();
        });
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);

        using var response = await browser.GetAsync($"/console/realms/{realm.RealmId}/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<strong>Passkeys bound</strong>: 2", browser.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>Sign-ins</strong>: 0", browser.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>Failures</strong>: 2", browser.Html, StringComparison.Ordinal);
        var today = server.Time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<tr><td>{today}</td><td>2</td></tr>", browser.Html, StringComparison.Ordinal);
        Assert.Contains("No message is waiting to be sent.", browser.Html, StringComparison.Ordinal);
    }

    private AuditEvent AuditEventOf(string tenantId, string realmId, string type, string outcome) => new()
    {
        TenantId = tenantId,
        RealmId = realmId,
        Time = server.Time.GetUtcNow(),
        Type = type,
        Outcome = outcome,
        Reason = outcome == "failure" ? "authentication_failed" : null,
    };

    [Fact]
    public async Task Session_RequestsWithinTheIdleTimeoutSlideIt_AndItEndsAfterTheTimeoutWithoutOne()
    {
        var (realm, admin) = await NewAdministratorAsync();
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId, server.Time.GetUtcNow());
        var path = $"/console/realms/{realm.RealmId}/identities";

        // Past half the 30 minutes a request renews the cookie, with the attributes the session must have.
        server.Time.Advance(TimeSpan.FromMinutes(20));
        using var renewed = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var cookie = renewed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("passbind_console=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; path=/console", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);

        server.Time.Advance(TimeSpan.FromMinutes(20));
        using var slid = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, slid.StatusCode);

        server.Time.Advance(TimeSpan.FromMinutes(31));
        using var ended = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith("/console/signin", ended.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_OutsideDevelopment_CookiesAreSecure()
    {
        var (realm, admin) = await NewAdministratorAsync();
        using var production = server.Factory.WithWebHostBuilder(web => web.UseEnvironment("Production"));
        using var browser = ConsoleBrowser.SignedIn(production, admin, realm.TenantId, realm.RealmId, server.Time.GetUtcNow().AddMinutes(-20), https: true);

        using var page = await browser.GetAsync($"/console/realms/{realm.RealmId}/identities");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.ToLowerInvariant()).ToList();
        var session = Assert.Single(cookies, c => c.StartsWith("passbind_console=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.Ordinal);
        Assert.Contains("; httponly", session, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", session, StringComparison.Ordinal);
        var antiforgery = Assert.Single(cookies, c => c.StartsWith("passbind_console_csrf=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applications_CreateEditAndRotate_GoThroughTheApiAndShowTheSecretOnce()
    {
        var (realm, admin) = await NewAdministratorAsync();
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var list = $"/console/realms/{realm.RealmId}/applications";
        await browser.GetAsync(list);

        // A code grant needs redirect URIs: the API's violation is shown, and nothing is stored.
        using var refused = await browser.PostFormAsync(list, new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Shop", ["Form.Confidentiality"] = "confidential", ["Form.GrantTypes"] = "authorization_code",
            ["Form.Pkce"] = "s256", ["Form.SubjectField"] = "id", ["Form.ExpiresAfter"] = "3600", ["Form.AuthenticatorConfigId"] = realm.AuthenticatorConfigId,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("application.protocol_config.redirect_uris", browser.Html, StringComparison.Ordinal);

        using var created = await browser.PostFormAsync(list, new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Shop", ["Form.Confidentiality"] = "confidential", ["Form.GrantTypes"] = "authorization_code",
            ["Form.RedirectUris"] = "https://shop.example.com/signin-oidc\r\n\r\n", ["Form.Pkce"] = "s256", ["Form.SubjectField"] = "id",
            ["Form.ExpiresAfter"] = "3600", ["Form.AuthenticatorConfigId"] = realm.AuthenticatorConfigId,
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("Shop is ready", browser.Html, StringComparison.Ordinal);
        var application = await server.QueryDbAsync(db => db.Applications.SingleAsync(a => a.RealmId == realm.RealmId && a.DisplayName == "Shop"));
        Assert.Equal("[\"https://shop.example.com/signin-oidc\"]", application.RedirectUrisJson);
        var secret = System.Text.RegularExpressions.Regex.Match(browser.Html, "id=\"client-secret\" class=\"mono\" readonly value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(secret);
        await browser.GetAsync($"{list}/{application.Id}");
        Assert.DoesNotContain(secret, browser.Html, StringComparison.Ordinal);

        using var edited = await browser.PostFormAsync($"{list}/{application.Id}", new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Shop 2", ["Form.GrantTypes"] = "authorization_code", ["Form.RedirectUris"] = "https://shop.example.com/a\nhttps://shop.example.com/b",
            ["Form.Pkce"] = "s256", ["Form.SubjectField"] = "email", ["Form.ExpiresAfter"] = "600", ["Form.AuthenticatorConfigId"] = realm.AuthenticatorConfigId,
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await server.QueryDbAsync(db => db.Applications.SingleAsync(a => a.Id == application.Id));
        Assert.Equal("Shop 2", after.DisplayName);
        Assert.Equal("[\"https://shop.example.com/a\",\"https://shop.example.com/b\"]", after.RedirectUrisJson);
        Assert.Equal(600, after.TokenLifetimeSeconds);
        Assert.Equal("email", after.SubjectField);

        await browser.GetAsync($"{list}/{application.Id}");
        using var rotated = await browser.PostFormAsync($"{list}/{application.Id}?handler=Rotate", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Contains("New client secret", browser.Html, StringComparison.Ordinal);
        var rotatedSecret = System.Text.RegularExpressions.Regex.Match(browser.Html, "id=\"client-secret\" class=\"mono\" readonly value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEqual(secret, rotatedSecret);
        var hashes = await server.QueryDbAsync(db => db.Applications.Where(a => a.Id == application.Id).Select(a => new { a.ClientSecretHash, a.PreviousClientSecretHash }).SingleAsync());
        Assert.Equal(application.ClientSecretHash, hashes.PreviousClientSecretHash);
        Assert.NotEqual(application.ClientSecretHash, hashes.ClientSecretHash);
    }

    [Fact]
    public async Task AuthenticatorConfigs_CreateAndEdit_GoThroughTheApi()
    {
        var (realm, admin) = await NewAdministratorAsync();
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var list = $"/console/realms/{realm.RealmId}/authenticator-configs";
        await browser.GetAsync(list);

        using var refused = await browser.PostFormAsync(list, new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Shop", ["Form.Type"] = "embedded", ["Form.InvokeUrl"] = "not a url", ["Form.InvocationType"] = "automatic",
            ["Form.TrustedOrigins"] = "https://shop.example.com", ["Form.AuthenticationMethods"] = "webauthn_passkey",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("authenticator_config.config.invoke_url", browser.Html, StringComparison.Ordinal);

        using var created = await browser.PostFormAsync(list, new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Shop", ["Form.Type"] = "embedded", ["Form.InvokeUrl"] = "https://shop.example.com", ["Form.InvocationType"] = "automatic",
            ["Form.TrustedOrigins"] = "https://shop.example.com\r\nhttps://www.shop.example.com", ["Form.AuthenticationMethods"] = "webauthn_passkey",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var config = await server.QueryDbAsync(db => db.AuthenticatorConfigs.SingleAsync(c => c.RealmId == realm.RealmId && c.DisplayName == "Shop"));
        Assert.Equal("[\"https://shop.example.com\",\"https://www.shop.example.com\"]", config.TrustedOriginsJson);

        await browser.GetAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Created Shop.", browser.Html, StringComparison.Ordinal);
        using var edited = await browser.PostFormAsync(created.Headers.Location!.OriginalString, new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "Shop", ["Form.Type"] = "embedded", ["Form.InvokeUrl"] = "https://shop.example.com/app", ["Form.InvocationType"] = "manual",
            ["Form.TrustedOrigins"] = "https://shop.example.com", ["Form.AuthenticationMethods"] = "email_one_time_password",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await server.QueryDbAsync(db => db.AuthenticatorConfigs.SingleAsync(c => c.Id == config.Id));
        Assert.Equal("https://shop.example.com/app", after.InvokeUrl);
        Assert.Equal("manual", after.InvocationType);
        Assert.Equal("[\"https://shop.example.com\"]", after.TrustedOriginsJson);
        Assert.Contains("email_one_time_password", after.AuthenticationMethodsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Realms_CreateFromTheConsole_GoesThroughTheApiAndOpensItsSettings()
    {
        var (realm, admin) = await NewAdministratorAsync();
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var name = "Shop " + PassbindServer.NewUsername("r");
        await browser.GetAsync("/console/realms");
        Assert.Contains("Create realm", browser.Html, StringComparison.Ordinal);

        using var refused = await browser.PostFormAsync("/console/realms", new Dictionary<string, string> { ["DisplayName"] = "  ", ["Classification"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("realm.display_name", browser.Html, StringComparison.Ordinal);

        using var created = await browser.PostFormAsync("/console/realms", new Dictionary<string, string> { ["DisplayName"] = name, ["Classification"] = "SECURE_WORKFORCE" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await server.QueryDbAsync(db => db.Realms.SingleAsync(r => r.TenantId == realm.TenantId && r.DisplayName == name));
        Assert.Equal("SECURE_WORKFORCE", stored.Classification);
        Assert.True(await server.QueryDbAsync(db => db.Themes.AnyAsync(t => t.RealmId == stored.Id)), "the API's create makes the realm's theme with it");
        Assert.Equal($"/console/realms/{stored.Id}/settings", created.Headers.Location!.OriginalString);

        await browser.GetAsync(created.Headers.Location!.OriginalString);
        Assert.Contains($"Created the realm {name}.", browser.Html, StringComparison.Ordinal);
        await browser.GetAsync("/console/realms");
        Assert.Contains($">{name}</a>", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealmSettings_EditNameAndTheme_RefusesBadValuesAndPreviewsTheSavedTheme()
    {
        var (realm, admin) = await NewAdministratorAsync();
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var path = $"/console/realms/{realm.RealmId}/settings";
        await browser.GetAsync(path);

        using var renamed = await browser.PostFormAsync(path + "?handler=Name", new Dictionary<string, string> { ["DisplayName"] = "Pet Shop", ["Classification"] = "SECURE_CUSTOMER" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Pet Shop", await server.QueryDbAsync(db => db.Realms.Where(r => r.Id == realm.RealmId).Select(r => r.DisplayName).SingleAsync()));

        await browser.GetAsync(path);
        Assert.Contains("Name saved.", browser.Html, StringComparison.Ordinal);
        var theme = new Dictionary<string, string>
        {
            ["ThemeForm.EmailRealmName"] = "Pets & Co",
            ["ThemeForm.LogoUrlLight"] = "http://cdn.pets.test/light.png",
            ["ThemeForm.LogoUrlDark"] = "https://cdn.pets.test/dark.png",
            ["ThemeForm.SupportUrl"] = "https://pets.test/help",
            ["ThemeForm.ButtonColor"] = "teal",
            ["ThemeForm.ButtonTextColor"] = "#fefefe",
        };
        using var refused = await browser.PostFormAsync(path + "?handler=Theme", theme);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("theme.logo_url_light: must be an https URL", browser.Html, StringComparison.Ordinal);
        Assert.Contains("theme.button_color: must be a colour in the form #RRGGBB", browser.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"teal\"", browser.Html, StringComparison.Ordinal);
        Assert.Null(await server.QueryDbAsync(db => db.Themes.Where(t => t.RealmId == realm.RealmId).Select(t => t.EmailRealmName).SingleAsync()));

        theme["ThemeForm.LogoUrlLight"] = "https://cdn.pets.test/light.png";
        theme["ThemeForm.ButtonColor"] = "#0a7d5a";
        using var saved = await browser.PostFormAsync(path + "?handler=Theme", theme);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await server.QueryDbAsync(db => db.Themes.SingleAsync(t => t.RealmId == realm.RealmId));
        Assert.Equal(("Pets & Co", "https://cdn.pets.test/light.png", "#0a7d5a"), (stored.EmailRealmName, stored.LogoUrlLight, stored.ButtonColor));
        await browser.GetAsync(path);
        Assert.Contains("Theme saved.", browser.Html, StringComparison.Ordinal);
        Assert.Contains("handler=EmailPreview", browser.Html, StringComparison.Ordinal);
        Assert.Contains("handler=BindPreview", browser.Html, StringComparison.Ordinal);

        // The email, as the composer writes a binding link's: the theme's name, logo, button colours and support link.
        using var email = await browser.GetAsync(path + "?handler=EmailPreview");
        Assert.Equal(HttpStatusCode.OK, email.StatusCode);
        Assert.Contains("Set up your passkey for Pets &amp; Co", browser.Html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://cdn.pets.test/light.png\"", browser.Html, StringComparison.Ordinal);
        Assert.Contains("background:#0a7d5a;color:#fefefe", browser.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://pets.test/help\"", browser.Html, StringComparison.Ordinal);
        Assert.Contains(":invokeAuthenticator?token=preview", browser.Html, StringComparison.Ordinal);
        var emailPolicy = email.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("sandbox allow-same-origin;", emailPolicy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", emailPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", emailPolicy, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", email.Headers.GetValues("X-Frame-Options").Single());

        // The /bind page, as it renders for a link of this realm: logos light and dark, colours, support link.
        using var bind = await browser.GetAsync(path + "?handler=BindPreview");
        Assert.Equal(HttpStatusCode.OK, bind.StatusCode);
        var preview = browser.Html;
        Assert.Contains("<img class=\"logo\" src=\"https://cdn.pets.test/light.png\" alt=\"Pets &amp; Co\">", preview, StringComparison.Ordinal);
        Assert.Contains("<source srcset=\"https://cdn.pets.test/dark.png\" media=\"(prefers-color-scheme: dark)\">", preview, StringComparison.Ordinal);
        Assert.Contains("<style>:root{--accent:#0a7d5a;--accent-fg:#fefefe;}</style>", preview, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://pets.test/help\"", preview, StringComparison.Ordinal);
        Assert.Contains("Your passkey is ready", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", preview, StringComparison.Ordinal);
        var bindPolicy = bind.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src 'self' https://cdn.pets.test;", bindPolicy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' 'sha256-", bindPolicy, StringComparison.Ordinal);

        // The page a link of this realm opens is the same rendering, with its script and before it has run.
        using var anonymous = ConsoleBrowser.Anonymous(server);
        using var page = await anonymous.GetAsync($"/bind?api_base_url=x&tenant_id={realm.TenantId}&realm_id={realm.RealmId}&identity_id=i&job_id=j&token=t");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<img class=\"logo\" src=\"https://cdn.pets.test/light.png\" alt=\"Pets &amp; Co\">", anonymous.Html, StringComparison.Ordinal);
        Assert.Contains("<style>:root{--accent:#0a7d5a;--accent-fg:#fefefe;}</style>", anonymous.Html, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"/pages/bind.js\"></script>", anonymous.Html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.StartsWith("sandbox allow-same-origin;", bindPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", bindPolicy, StringComparison.Ordinal);
        Assert.Equal(bindPolicy.Split(' ').Where(p => p.StartsWith("'sha256-", StringComparison.Ordinal)),
            page.Headers.GetValues("Content-Security-Policy").Single().Split(' ').Where(p => p.StartsWith("'sha256-", StringComparison.Ordinal)));

        // Clearing a field gives the realm Passbind's look for it again.
        theme["ThemeForm.ButtonColor"] = "";
        theme["ThemeForm.LogoUrlLight"] = "";
        theme["ThemeForm.LogoUrlDark"] = "";
        await browser.PostFormAsync(path + "?handler=Theme", theme);
        await browser.GetAsync(path + "?handler=BindPreview");
        Assert.DoesNotContain("--accent:", browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", browser.Html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"brand\">Pets &amp; Co</p>", browser.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_ListNewestFirst_FilterAndPageThroughTheAuditFeaturesList()
    {
        var (realm, admin) = await NewAdministratorAsync();
        var now = server.Time.GetUtcNow();
        await server.UseDbAsync(async db =>
        {
            for (var i = 0; i < 55; i++)
            {
                db.AuditEvents.Add(new AuditEvent
                {
                    TenantId = realm.TenantId, RealmId = realm.RealmId, Time = now.AddSeconds(i), Type = "identity.created", Outcome = "success",
                    ResourceType = "identity", ResourceId = $"identity-{i:00}", ApplicationId = realm.ApplicationId,
                });
            }

            db.AuditEvents.Add(new AuditEvent
            {
                TenantId = realm.TenantId, RealmId = realm.RealmId, Time = now.AddMinutes(5), Type = "registration.failed", Outcome = "failure",
                Reason = "origin_not_allowed", IdentityId = "e9f3c0d1a2b4c5d6", ClientAddress = "203.0.113.9",
            });
            await db.SaveChangesAsync();
        });
        // The realm's own making (its token, its administrator) wrote events too, before these.
        var total = await server.QueryDbAsync(db => db.AuditEvents.CountAsync(e => e.TenantId == realm.TenantId && e.RealmId == realm.RealmId));
        Assert.InRange(total, 56, 100);
        using var browser = ConsoleBrowser.SignedIn(server, admin, realm.TenantId, realm.RealmId);
        var path = $"/console/realms/{realm.RealmId}/events";

        using var all = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains($"{total} events, newest first.", browser.Html, StringComparison.Ordinal);
        Assert.Equal(50, Rows(browser.Html));
        Assert.True(browser.Html.IndexOf("registration.failed", StringComparison.Ordinal) < browser.Html.IndexOf("identity-54", StringComparison.Ordinal), "newest first");
        Assert.Contains("aria-current=\"page\">Audit events</a>", browser.Html, StringComparison.Ordinal);
        var next = System.Text.RegularExpressions.Regex.Match(browser.Html, "href=\"([^\"]+page_token=[^\"]+)\">Next page").Groups[1].Value;
        Assert.NotEmpty(next);
        await browser.GetAsync(System.Net.WebUtility.HtmlDecode(next));
        Assert.Equal(total - 50, Rows(browser.Html));
        Assert.Contains(">identity-00</a>", browser.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Next page", browser.Html, StringComparison.Ordinal);

        await browser.GetAsync(path + "?attribute=outcome&value=failure");
        Assert.Contains("1 event, newest first.", browser.Html, StringComparison.Ordinal);
        Assert.Contains("origin_not_allowed", browser.Html, StringComparison.Ordinal);
        Assert.Contains("203.0.113.9", browser.Html, StringComparison.Ordinal);
        await browser.GetAsync(path + "?attribute=identity_id&value=e9f3c0d1a2b4c5d6");
        Assert.Equal(1, Rows(browser.Html));
        Assert.Contains("registration.failed", browser.Html, StringComparison.Ordinal);
        await browser.GetAsync(path + "?attribute=resource_id&value=identity-07");
        Assert.Equal(1, Rows(browser.Html));
        Assert.Contains(">identity-07</a>", browser.Html, StringComparison.Ordinal);
        await browser.GetAsync(path + "?attribute=type&value=sign_in.succeeded");
        Assert.Contains("No event matches.", browser.Html, StringComparison.Ordinal);

        // What the API refuses, the page shows as the API's field error.
        using var refused = await browser.GetAsync(path + "?attribute=user_agent&value=x");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("filter: unsupported filter", browser.Html, StringComparison.Ordinal);

        static int Rows(string html) => System.Text.RegularExpressions.Regex.Count(html, "<td data-label=\"Time \\(UTC\\)\">");
    }

    private static ConsoleTargets Targets(TenantAccess realm, string identityId, string credentialId) =>
        new(realm.RealmId, identityId, credentialId, realm.ApplicationId, realm.AuthenticatorConfigId);

    private async Task<string> NewIdentityAsync(TenantAccess realm)
    {
        using var client = server.CreateClient(realm.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, realm.RealmPath);
        return identity.GetProperty("id").GetString()!;
    }

    /// <summary>A new realm of the bootstrap tenant (or <paramref name="realm"/>) with an identity holding the console role.</summary>
    private async Task<(TenantAccess Realm, string AdministratorId)> NewAdministratorAsync(TenantAccess? realm = null)
    {
        realm ??= await server.CreateRealmAsync(server.Bootstrap.TenantId);
        var admin = await NewIdentityAsync(realm);
        await server.UseDbAsync(db => db.Identities.Where(i => i.Id == admin).ExecuteUpdateAsync(set => set.SetProperty(i => i.ConsoleRole, "administrator")));
        return (realm, admin);
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    public sealed class Sqlite(SqliteServer server) : ConsolePagesTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ConsolePagesTests(server), IClassFixture<PostgreSqlServer>;
}
