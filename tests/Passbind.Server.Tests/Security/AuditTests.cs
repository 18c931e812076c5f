using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Features.Retention;
using Passbind.Server.Tests.Email;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Features.SignIn;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Issue 13 finding 8: every management write, every binding ceremony outcome (with the failed check) and every token
/// issued or refused leaves an event, readable at <c>…/realms/{r}/events</c> with scope <c>events:read</c>, filtered,
/// paged newest first, and kept for the configured retention.
/// </summary>
public abstract class AuditTests(PassbindServer server)
{
    private const string Address = "192.0.2.44";

    [Fact]
    public async Task ManagementWrites_EachLeaveOneEventWithWhoWhatAndWhere()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        client.DefaultRequestHeaders.Add(CapturedLogs.FromAddressHeader, Address);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        var identityPath = $"{access.RealmPath}/identities/{Wire.Id(identity)}";
        using (var patched = await client.PatchAsync(identityPath, Api.Json("""{"identity":{"display_name":"Renamed"}}""")))
        {
            await Api.ReadJsonAsync(patched, expectedStatus: 200);
        }

        var jobBody = JsonSerializer.Serialize(new { job = new { delivery_method = "RETURN", authenticator_config_id = access.AuthenticatorConfigId } });
        using var created = await client.PostAsync($"{identityPath}/credential-binding-jobs", Api.Json(jobBody));
        var jobId = (await Api.ReadJsonAsync(created, expectedStatus: 200)).GetProperty("credential_binding_job").GetProperty("id").GetString()!;
        using (var revoked = await client.PostAsync($"{identityPath}/credential-binding-jobs/{jobId}:revoke", Api.Json("{}")))
        {
            Assert.True(revoked.IsSuccessStatusCode);
        }

        using (var deleted = await client.DeleteAsync(identityPath))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        using (var refused = await client.PostAsync($"{access.RealmPath}/identities", Api.Json("""{"identity":{}}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var events = await EventsAsync(client, access);
        var written = events.Where(e => e.GetProperty("type").GetString() != "token.issued").Reverse().ToList();
        Assert.Equal(
            ["identity.created", "identity.updated", "credential_binding_job.created", "credential_binding_job.revoked", "identity.deleted"],
            written.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([Wire.Id(identity), Wire.Id(identity), jobId, jobId, Wire.Id(identity)], written.Select(e => e.GetProperty("resource_id").GetString()));
        Assert.All(written, e =>
        {
            Assert.Equal("success", e.GetProperty("outcome").GetString());
            Assert.Equal(access.ApplicationId, e.GetProperty("application_id").GetString());
            Assert.Equal(Address, e.GetProperty("client_address").GetString());
            Assert.Equal(access.RealmId, e.GetProperty("realm_id").GetString());
            Wire.AssertTimestamp(e, "create_time");
        });
    }

    [Fact]
    public async Task Ceremony_SuccessAndRefusal_EachLeaveAnEventWithTheFailedCheck()
    {
        var access = await server.CreateTenantAsync();
        using var ceremony = BindingCeremonyClient.ForTenant(server, access);
        var link = await ceremony.CreateLinkAsync();
        var publicKey = await ceremony.GetOptionsAsync(link);
        using (var evil = BindingCeremonyClient.NewAuthenticator(publicKey, origin: "https://evil.example"))
        using (var refused = await ceremony.PostCompleteAsync(link, evil))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var bound = await ceremony.CompleteAsync(link, publicKey);

        using var client = server.CreateClient(access.AccessToken);
        var events = await EventsAsync(client, access, "outcome eq \"failure\"");
        var failure = Assert.Single(events, e => e.GetProperty("type").GetString() == "registration.failed");
        Assert.Equal("origin_not_allowed", failure.GetProperty("reason").GetString());
        Assert.Equal(link.JobId, failure.GetProperty("resource_id").GetString());
        Assert.Equal(link.IdentityId, failure.GetProperty("identity_id").GetString());
        var success = Assert.Single(await EventsAsync(client, access, "type eq \"credential.bound\""));
        Assert.Equal(bound.GetProperty("credential").GetProperty("id").GetString(), success.GetProperty("resource_id").GetString());
        Assert.Equal(link.IdentityId, success.GetProperty("identity_id").GetString());
    }

    [Fact]
    public async Task Tokens_IssuedAndRefused_AreEvents()
    {
        var access = await server.CreateTenantAsync();
        using (var anonymous = server.CreateClient(accessToken: null))
        using (var request = new HttpRequestMessage(HttpMethod.Post, access.TokenPath))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{access.ClientId}:wrong")));
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
            using var refused = await anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var client = server.CreateClient(access.AccessToken);
        var refusedEvent = Assert.Single(await EventsAsync(client, access, "type eq \"token.refused\""));
        Assert.Equal("invalid_client", refusedEvent.GetProperty("reason").GetString());
        Assert.Equal(access.ApplicationId, refusedEvent.GetProperty("application_id").GetString());
        Assert.Single(await EventsAsync(client, access, "type eq \"token.issued\""));
    }

    [Fact]
    public async Task SignIn_SuccessAndRefusal_AreEventsWithApplicationIdentityAndTheFailedCheck()
    {
        using var signIn = await SignInClient.ForNewTenantAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);
        var forged = SignInClient.NewAssertion(passkey, options);
        forged.CorruptSignature = true;
        using (var refused = await signIn.PostCompleteAsync(link, forged))
        {
            await Api.AssertErrorAsync(refused, HttpStatusCode.BadRequest, "authentication_failed");
        }

        using (var signedIn = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options)))
        {
            await Api.ReadJsonAsync(signedIn, expectedStatus: 200);
        }

        var page = await Wire.ListAsync(signIn.Binding.Management, $"{signIn.RealmPath}/events", "events",
            $"page_size=200&filter={Uri.EscapeDataString($"resource_id eq \"{link.TransactionId}\"")}");
        var events = page.Items.Reverse().ToList();
        Assert.Equal(["sign_in.failed", "sign_in.succeeded"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["failure", "success"], events.Select(e => e.GetProperty("outcome").GetString()));
        Assert.Equal("invalid_signature", events[0].GetProperty("reason").GetString());
        Assert.Equal(passkey.IdentityId, events[1].GetProperty("identity_id").GetString());
        Assert.All(events, e => Assert.Equal(signIn.Application.Id, e.GetProperty("application_id").GetString()));
    }

    [Fact]
    public async Task EmailedLink_WhenSent_IsAnEventOfItsJob()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        var body = JsonSerializer.Serialize(new { job = new { delivery_method = "EMAIL", authenticator_config_id = access.AuthenticatorConfigId } });
        using var created = await client.PostAsync($"{access.RealmPath}/identities/{Wire.Id(identity)}/credential-binding-jobs", Api.Json(body));
        var jobId = (await Api.ReadJsonAsync(created, expectedStatus: 200)).GetProperty("credential_binding_job").GetProperty("id").GetString()!;

        // The server's own sender delivers it (to the dev mailbox: the test server has no SMTP host).
        await Eventually.TrueAsync(async () => (await EventsAsync(client, access, "type eq \"email.sent\"")).Count == 1, "the email.sent event");

        var sent = Assert.Single(await EventsAsync(client, access, "type eq \"email.sent\""));
        Assert.Equal(jobId, sent.GetProperty("resource_id").GetString());
        Assert.Equal("credential_binding_job", sent.GetProperty("resource_type").GetString());
        Assert.Equal("dev_mailbox", sent.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task List_PagesNewestFirstAndNeedsItsScope()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        for (var i = 0; i < 5; i++)
        {
            await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        }

        var pages = await Wire.ListAllPagesAsync(client, $"{access.RealmPath}/events", "events", pageSize: 2, filter: "type eq \"identity.created\"");
        var ids = pages.SelectMany(p => p.Items).Select(e => long.Parse(e.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, pages[0].TotalSize);
        Assert.Equal(5, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);

        var narrow = await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret, ["identities:read"]);
        using var withoutScope = server.CreateClient(narrow);
        using var forbidden = await withoutScope.GetAsync($"{access.RealmPath}/events");
        await Api.AssertErrorAsync(forbidden, HttpStatusCode.Forbidden, "forbidden");

        var other = await server.CreateTenantAsync();
        using var intruder = server.CreateClient(other.AccessToken);
        using var foreign = await intruder.GetAsync($"{access.RealmPath}/events");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Retention_OldEventsAreSwept()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        Assert.NotEmpty(await EventsAsync(client, access, "type eq \"identity.created\""));

        server.Time.Advance(TimeSpan.FromDays(91));
        await server.Services.GetRequiredService<RetentionSweeper>().SweepAsync(CancellationToken.None);

        // The first token has expired by now: a new one reads the trail (and its own token.issued event is new).
        using var later = server.CreateClient(await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret));
        Assert.Empty(await EventsAsync(later, access, "type eq \"identity.created\""));
    }

    private static async Task<IReadOnlyList<JsonElement>> EventsAsync(HttpClient client, TenantAccess access, string? filter = null)
    {
        var page = await Wire.ListAsync(client, $"{access.RealmPath}/events", "events",
            filter is null ? "page_size=200" : $"page_size=200&filter={Uri.EscapeDataString(filter)}");
        return page.Items;
    }

    public sealed class Sqlite(SqliteServer server) : AuditTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : AuditTests(server), IClassFixture<PostgreSqlServer>;
}
