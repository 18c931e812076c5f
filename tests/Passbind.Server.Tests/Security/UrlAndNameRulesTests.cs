using System.Net;
using System.Text;
using System.Text.Json;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Issue 13 finding 9: URLs a client registers are allow-listed (http and https, and app schemes only where the
/// server is configured for them, never with user information), and usernames follow docs/security.md's rule
/// (NFC, no surrounding white space, one script, not confusable with an existing one).
/// </summary>
public abstract class UrlAndNameRulesTests(PassbindServer server)
{
    public static TheoryData<string> RefusedRedirects => new()
    {
        "blob:https://app.example.com/1b2c", "about:blank", "view-source:https://app.example.com", "intent://scan/#Intent;scheme=zxing;end",
        "javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "otherapp://done", "http://127.0.0.1:1@evil.test/", "https://user@app.example.com/",
        "chrome-extension://abcdefghijklmnop/page.html",
    };

    public static TheoryData<string> RefusedInvokeUrls => new()
    {
        "http://127.0.0.1:1@evil.test", "https://user:pass@app.example.com", "myapp://user@host", "about:blank", "blob:https://a.example/x", "otherapp://",
    };

    public static TheoryData<string> RefusedOrigins => new()
    {
        "about:blank", "blob:https://app.example.com", "null", "chrome-extension://abcdefghijklmnop", "moz-extension://1234-5678",
        "safari-web-extension://abc", "file://", "https://user@app.example.com", "otherapp://x",
    };

    [Theory]
    [MemberData(nameof(RefusedRedirects))]
    public async Task CreateJob_RedirectOutsideAllowList_Returns400NamingIt(string redirect)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        var jobs = $"{access.RealmPath}/identities/{Wire.Id(identity)}/credential-binding-jobs";

        using var response = await client.PostAsync(jobs, Api.Json(JobBody(access, redirect)));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "job.post_binding_redirect_uri");
        Assert.Equal(0, await Api.CountAsync(client, jobs));
    }

    [Theory]
    [InlineData("https://app.example.com/done")]
    [InlineData("http://localhost:3000/done")]
    [InlineData("myapp://bound")]
    public async Task CreateJob_RedirectInAllowList_IsKept(string redirect)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);

        using var response = await client.PostAsync($"{access.RealmPath}/identities/{Wire.Id(identity)}/credential-binding-jobs", Api.Json(JobBody(access, redirect)));

        var created = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(redirect, created.GetProperty("credential_binding_job").GetProperty("post_binding_redirect_uri").GetString());
    }

    [Theory]
    [MemberData(nameof(RefusedInvokeUrls))]
    public async Task CreateConfig_InvokeUrlOutsideAllowList_Returns400NamingIt(string invokeUrl)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync($"{access.RealmPath}/authenticator-configs", Api.Json(ConfigBody(invokeUrl, "https://app.example.com")));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "authenticator_config.config.invoke_url");
        Assert.Equal(1, await Api.CountAsync(client, $"{access.RealmPath}/authenticator-configs"));
    }

    [Theory]
    [MemberData(nameof(RefusedOrigins))]
    public async Task CreateConfig_OriginOutsideAllowList_Returns400AndIsNeverACorsOrigin(string origin)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync($"{access.RealmPath}/authenticator-configs", Api.Json(ConfigBody("https://app.example.com", origin)));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "authenticator_config.config.trusted_origins[0]");
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{access.RealmPath}/identities/0000000000000000/credential-binding-jobs/0000000000000000:registrationOptions");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var anonymous = server.CreateClient(accessToken: null);
        using var answer = await anonymous.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"), $"preflight from {origin} was allowed");
    }

    [Theory]
    [InlineData("paypal-\u0440")]
    [InlineData("admin\u0430")]
    [InlineData("\u03b1lpha")]
    [InlineData(" alice")]
    [InlineData("alice ")]
    public async Task CreateIdentity_MixedScriptsOrSurroundingSpace_Returns400NamingUsername(string username)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync($"{access.RealmPath}/identities", Api.Json(Api.SeedIdentityBody(username)));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "identity.traits.username");
        Assert.Equal(0, await Api.CountAsync(client, $"{access.RealmPath}/identities"));
    }

    [Theory]
    [InlineData("ivan", "\u0131van")]
    [InlineData("ivan", "\u0130van")]
    [InlineData("paypal", "\u0440\u0430\u0443\u0440\u0430\u04cf")]
    [InlineData("cop", "\u0441\u043e\u0440")]
    [InlineData("ada", "ＡＤＡ")]
    [InlineData("opa", "\u03bf\u03c1\u03b1")]
    public async Task CreateIdentity_ConfusableWithExisting_Returns409(string existing, string confusable)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        await PassbindServer.CreateIdentityAsync(client, access.RealmPath, existing);

        using var response = await client.PostAsync($"{access.RealmPath}/identities", Api.Json(Api.SeedIdentityBody(confusable)));

        await Api.AssertErrorAsync(response, HttpStatusCode.Conflict, "conflict");
        Assert.Equal(1, await Api.CountAsync(client, $"{access.RealmPath}/identities"));
    }

    [Theory]
    [InlineData("\u0441\u0435\u0440\u0433\u0435\u0439")]
    [InlineData("山田たろう")]
    [InlineData("Jos\u00e9")]
    [InlineData("taro山田")]
    public async Task CreateIdentity_OneScriptOrAllowedMix_IsAccepted(string username)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        var created = await PassbindServer.CreateIdentityAsync(client, access.RealmPath, username);

        Assert.Equal(username, created.GetProperty("traits").GetProperty("username").GetString());
    }

    [Fact]
    public async Task CreateIdentity_DecomposedUsername_IsStoredInNfc()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var decomposed = "jose\u0301";

        var created = await PassbindServer.CreateIdentityAsync(client, access.RealmPath, decomposed);
        using var again = await client.PostAsync($"{access.RealmPath}/identities", Api.Json(Api.SeedIdentityBody("jos\u00e9")));

        Assert.Equal("jos\u00e9", created.GetProperty("traits").GetProperty("username").GetString());
        Assert.True(created.GetProperty("traits").GetProperty("username").GetString()!.IsNormalized(NormalizationForm.FormC));
        await Api.AssertErrorAsync(again, HttpStatusCode.Conflict, "conflict");
    }

    private static string JobBody(TenantAccess access, string redirect) => JsonSerializer.Serialize(new
    {
        job = new { delivery_method = "RETURN", authenticator_config_id = access.AuthenticatorConfigId, post_binding_redirect_uri = redirect },
    });

    private static string ConfigBody(string invokeUrl, string origin) => JsonSerializer.Serialize(new
    {
        authenticator_config = new
        {
            display_name = "Web",
            config = new { type = "embedded", invoke_url = invokeUrl, trusted_origins = new[] { origin } },
        },
    });

    public sealed class Sqlite(SqliteServer server) : UrlAndNameRulesTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : UrlAndNameRulesTests(server), IClassFixture<PostgreSqlServer>;
}
