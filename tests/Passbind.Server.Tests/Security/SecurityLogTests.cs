using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Passbind.Server.Tests.Email;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Features.SignIn;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Issue 13 finding 7, read from the server's whole log (every category, every level, from its first start):
/// refused requests are logged at warning level with the client's address, an expected conflict writes no error
/// and no stack trace, and no secret or token the run made ever appears.
/// </summary>
public abstract partial class SecurityLogTests(PassbindServer server)
{
    private CapturedLogs Logs => server.Logs!;

    [Fact]
    public async Task WholeRun_LogsNoSecretTokenOrChallenge()
    {
        var secrets = new List<(string What, string Value)>
        {
            ("bootstrap client secret", server.Bootstrap.ClientSecret),
            ("bootstrap api_token", server.Bootstrap.ApiToken),
        };
        var masterKey = Path.Combine(server.Storage.DataDirectory, "master.key");
        if (File.Exists(masterKey))
        {
            secrets.Add(("master key", (await File.ReadAllTextAsync(masterKey)).Trim()));
        }

        var tenant = await server.CreateTenantAsync();
        secrets.Add(("tenant client secret", tenant.ClientSecret));
        secrets.Add(("tenant access token", tenant.AccessToken));
        secrets.Add(("second access token", await server.RequestTokenAsync(tenant.TokenPath, tenant.ClientId, tenant.ClientSecret)));
        var wrongSecret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        secrets.Add(("refused client secret", wrongSecret));
        using (var refused = await PostTokenAsync(tenant.TokenPath, tenant.ClientId, wrongSecret))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var ceremony = await BindingCeremonyClient.ForNewTenantAsync(server);
        var link = await ceremony.CreateLinkAsync();
        secrets.Add(("binding link token", link.Token));
        var publicKey = await ceremony.GetOptionsAsync(link);
        secrets.Add(("challenge", publicKey.GetProperty("challenge").GetString()!));
        using var authenticator = BindingCeremonyClient.NewAuthenticator(publicKey);
        var response = authenticator.CreateResponse();
        secrets.Add(("clientDataJSON", response["response"]!["clientDataJSON"]!.GetValue<string>()));
        using (var completed = await ceremony.PostCompleteAsync(link, BindingCeremonyClient.CompleteBody(link.Token, response)))
        {
            await Api.ReadJsonAsync(completed, expectedStatus: 200);
        }

        var emailed = await CreateEmailLinkAsync(ceremony);
        secrets.Add(("emailed link token", emailed));

        using (var forged = await ceremony.PostOptionsAsync(link, token: link.Token[..^4] + "AAAA"))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        var entries = Logs.Entries;
        Assert.NotEmpty(entries);
        foreach (var (what, value) in secrets)
        {
            Assert.True(value.Length >= 16, $"{what} is too short to search for");
            var leak = entries.FirstOrDefault(e => e.Text.Contains(value, StringComparison.Ordinal));
            Assert.True(leak is null, $"the {what} appears in the log: {leak?.Text}");
        }
    }

    [Fact]
    public async Task RefusedRequests_AreWarningsWithTheClientAddress()
    {
        var tenant = await server.CreateTenantAsync();
        using (await PostTokenAsync(tenant.TokenPath, tenant.ClientId, "wrong-secret-wrong-secret"))
        {
        }

        using var forgedBearer = server.CreateClient("not-a-token");
        using (await forgedBearer.GetAsync($"{tenant.RealmPath}/identities"))
        {
        }

        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var forgedToken = new string('A', link.Token.Length);
        using (await ceremony.PostOptionsAsync(link, token: forgedToken))
        {
        }

        using (await ceremony.Anonymous.GetAsync($"{link.JobPath}:invokeAuthenticator?token={forgedToken}"))
        {
        }

        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var transaction = await signIn.StartAsync();
        using (await signIn.PostAsync(transaction, "authenticationContext", new System.Text.Json.Nodes.JsonObject { ["request"] = transaction.Request + "x" }))
        {
        }

        var security = Logs.Entries.Where(e => e.Category == "Passbind.Server.Security").ToList();
        AssertLogged(security, LogLevel.Warning, $"POST {transaction.TransactionPath}:authenticationContext from {CapturedLogs.ClientAddress}: 404 transaction_not_found");
        AssertLogged(security, LogLevel.Warning, $"{tenant.TokenPath} from {CapturedLogs.ClientAddress}: 401");
        AssertLogged(security, LogLevel.Warning, $"{tenant.RealmPath}/identities from {CapturedLogs.ClientAddress}: 401");
        AssertLogged(security, LogLevel.Warning, $"POST {link.OptionsPath} from {CapturedLogs.ClientAddress}: 404 link_not_found");
        AssertLogged(security, LogLevel.Warning, $"GET {link.JobPath}:invokeAuthenticator from {CapturedLogs.ClientAddress}: 404 link_not_found");
        Assert.DoesNotContain(security, e => e.Text.Contains(forgedToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DuplicateUsername_Answers409AndLogsNoErrorOrStackTrace()
    {
        var tenant = await server.CreateTenantAsync();
        using var client = server.CreateClient(tenant.AccessToken);
        var username = PassbindServer.NewUsername();
        await PassbindServer.CreateIdentityAsync(client, tenant.RealmPath, username);
        var before = Logs.Entries.Count;

        for (var i = 0; i < 3; i++)
        {
            using var duplicate = await client.PostAsync($"{tenant.RealmPath}/identities", Api.Json(Api.SeedIdentityBody(username)));
            await Api.AssertErrorAsync(duplicate, HttpStatusCode.Conflict, "conflict");
        }

        var written = Logs.Entries.Skip(before).ToList();
        Assert.DoesNotContain(written, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(written, e => e.Exception is not null && e.Level >= LogLevel.Information);
    }

    private static void AssertLogged(List<CapturedLogs.Entry> entries, LogLevel level, string fragment) =>
        Assert.True(entries.Any(e => e.Level == level && e.Message.Contains(fragment, StringComparison.Ordinal)),
            $"no {level} line containing '{fragment}' among:\n{string.Join('\n', entries.Select(e => $"{e.Level} {e.Message}"))}");

    private async Task<HttpResponseMessage> PostTokenAsync(string tokenPath, string clientId, string clientSecret)
    {
        using var client = server.CreateClient(accessToken: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
        return await client.SendAsync(request);
    }

    /// <summary>An EMAIL link for a new identity; its token, read from the dev mailbox once the message arrives there.</summary>
    private static async Task<string> CreateEmailLinkAsync(BindingCeremonyClient ceremony)
    {
        var identity = await ceremony.CreateIdentityAsync();
        var body = JsonSerializer.Serialize(new { job = new { delivery_method = "EMAIL", authenticator_config_id = ceremony.AuthenticatorConfigId } });
        using var created = await ceremony.Management.PostAsync($"{ceremony.RealmPath}/identities/{Wire.Id(identity)}/credential-binding-jobs", Api.Json(body));
        var jobId = (await Api.ReadJsonAsync(created, expectedStatus: 200)).GetProperty("credential_binding_job").GetProperty("id").GetString()!;
        string? token = null;
        await Eventually.TrueAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/mailbox");
            request.Headers.Add(CapturedLogs.FromLoopbackHeader, "1");
            using var mailbox = await ceremony.Anonymous.SendAsync(request);
            var html = WebUtility.HtmlDecode(await mailbox.Content.ReadAsStringAsync());
            token = LinkToken().Matches(html).Where(m => m.Groups["job"].Value == jobId).Select(m => m.Groups["token"].Value).FirstOrDefault();
            return token is not null;
        }, "the emailed link in the dev mailbox");
        return token!;
    }

    [GeneratedRegex("credential-binding-jobs/(?<job>[0-9a-f]{16}):invokeAuthenticator\\?token=(?<token>[A-Za-z0-9_-]{20,})")]
    private static partial Regex LinkToken();

    public sealed class Sqlite(LoggedSqliteServer server) : SecurityLogTests(server), IClassFixture<LoggedSqliteServer>;

    public sealed class PostgreSql(LoggedPostgreSqlServer server) : SecurityLogTests(server), IClassFixture<LoggedPostgreSqlServer>;
}
