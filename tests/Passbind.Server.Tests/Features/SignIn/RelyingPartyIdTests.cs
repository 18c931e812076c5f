using System.Net;
using System.Text.Json;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>
/// Per-config RP ID (issue 11; product.md: the authenticator config's <c>rp_id</c>, else the server's): checked
/// against the trusted origins at create and patch, used by binding and sign-in alike, and the related origins
/// document for configs on this server's RP ID.
/// </summary>
public abstract class RelyingPartyIdTests(PassbindServer server)
{
    [Fact]
    public async Task Config_RpIdCoveringItsOrigins_BindsAndSignsInUnderThatRpId()
    {
        using var management = server.CreateClient();
        var config = await Api.ReadJsonAsync(await CreateConfigAsync(management, "example.com", "https://login.example.com", "passbind-sdk://dotnet"), expectedStatus: 200);
        Assert.Equal("example.com", config.GetProperty("config").GetProperty("rp_id").GetString());
        var configId = config.GetProperty("id").GetString()!;
        using var signIn = await SignInClient.ForBootstrapAsync(server, a => a.AuthenticatorConfigId = configId);

        var bindingLink = await signIn.Binding.CreateLinkAsync(authenticatorConfigId: configId);
        var registration = await signIn.Binding.GetOptionsAsync(bindingLink);
        Assert.Equal("example.com", registration.GetProperty("rp").GetProperty("id").GetString());
        var authenticator = BindingCeremonyClient.NewAuthenticator(registration, "https://login.example.com");
        using (var bound = await signIn.Binding.PostCompleteAsync(bindingLink, authenticator))
        {
            await Api.ReadJsonAsync(bound, expectedStatus: 200);
        }

        var passkey = new BoundPasskey(authenticator,
            System.Buffers.Text.Base64Url.DecodeFromChars(registration.GetProperty("user").GetProperty("id").GetString()), bindingLink.IdentityId, "");
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);
        Assert.Equal("example.com", options.GetProperty("rpId").GetString());
        using var wrongRp = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, JsonDocument.Parse(
            options.GetRawText().Replace("\"example.com\"", "\"localhost\"", StringComparison.Ordinal)).RootElement, "https://login.example.com"));
        var error = await Api.AssertErrorAsync(wrongRp, HttpStatusCode.BadRequest, "authentication_failed");
        Assert.Equal("rp_id_mismatch", error.GetProperty("details")[0].GetProperty("reason").GetString());

        using var signedIn = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options, "https://login.example.com"));
        await Api.ReadJsonAsync(signedIn, expectedStatus: 200);
    }

    public static TheoryData<string> BadRpIds => new("com", "Example.com", "192.168.1.10", "example..com", "-example.com", "exa mple.com", "example.com.");

    [Theory]
    [MemberData(nameof(BadRpIds))]
    public async Task Create_MalformedRpId_FieldViolation(string rpId)
    {
        using var management = server.CreateClient();

        using var response = await CreateConfigAsync(management, rpId, "https://login.example.com");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "authenticator_config.config.rp_id");
    }

    [Fact]
    public async Task Create_OriginOutsideRpId_FieldViolationNamingTheOrigin()
    {
        using var management = server.CreateClient();

        using var response = await CreateConfigAsync(management, "example.com", "https://login.example.com", "https://example.org");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "authenticator_config.config.trusted_origins[1]");
    }

    [Fact]
    public async Task Patch_RpIdThenEmpty_SetsThenReturnsToServerRpId()
    {
        using var management = server.CreateClient();
        var created = await Api.ReadJsonAsync(await CreateConfigAsync(management, null, "https://login.example.com"), expectedStatus: 200);
        var path = $"{server.Bootstrap.RealmPath}/authenticator-configs/{created.GetProperty("id").GetString()}";
        Assert.False(created.GetProperty("config").TryGetProperty("rp_id", out _));

        using var set = await management.PatchAsync(path, Api.Json("""{"authenticator_config":{"config":{"rp_id":"example.com"}}}"""));
        Assert.Equal("example.com", (await Api.ReadJsonAsync(set, expectedStatus: 200)).GetProperty("config").GetProperty("rp_id").GetString());

        using var outside = await management.PatchAsync(path, Api.Json("""{"authenticator_config":{"config":{"trusted_origins":["https://example.net"]}}}"""));
        await Api.AssertErrorAsync(outside, HttpStatusCode.BadRequest, "bad_request", "authenticator_config.config.trusted_origins[0]");

        using var cleared = await management.PatchAsync(path, Api.Json("""{"authenticator_config":{"config":{"rp_id":""}}}"""));
        Assert.False((await Api.ReadJsonAsync(cleared, expectedStatus: 200)).GetProperty("config").TryGetProperty("rp_id", out _));
    }

    [Fact]
    public async Task WellKnownWebAuthn_ListsOriginsOnOtherDomainsOfConfigsOnTheServerRpId()
    {
        using var management = server.CreateClient();
        var origin = $"https://{PassbindServer.NewUsername("shop")}.example.org";
        using (var created = await CreateConfigAsync(management, null, origin, "http://localhost:8092"))
        {
            await Api.ReadJsonAsync(created, expectedStatus: 200);
        }

        using var anonymous = server.CreateClient(accessToken: null);
        using var response = await anonymous.GetAsync("/.well-known/webauthn");

        var document = await Api.ReadJsonAsync(response, expectedStatus: 200);
        var origins = document.GetProperty("origins").EnumerateArray().Select(o => o.GetString()).ToList();
        Assert.Contains(origin, origins);
        Assert.DoesNotContain("http://localhost:8092", origins);
        Assert.DoesNotContain(SignInClient.PageOrigin, origins);
        Assert.DoesNotContain("passbind-sdk://dotnet", origins);
    }

    [Fact]
    public async Task HostedPage_BiAuthenticate_ServesTheSignInPageWithStrictHeaders()
    {
        using var anonymous = server.CreateClient(accessToken: null);

        using var page = await anonymous.GetAsync("/bi-authenticate?request=a.b.c");
        using var script = await anonymous.GetAsync("/pages/bi-authenticate.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("/pages/bi-authenticate.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var code = await script.Content.ReadAsStringAsync();
        Assert.Contains("from \"/sdk/passbind.js\"", code, StringComparison.Ordinal);
        Assert.Contains("embedded.authenticate(url)", code, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> CreateConfigAsync(HttpClient management, string? rpId, params string[] origins)
    {
        var config = new Dictionary<string, object?>
        {
            ["type"] = "embedded",
            ["invoke_url"] = "http://localhost",
            ["trusted_origins"] = origins,
        };
        if (rpId is not null)
        {
            config["rp_id"] = rpId;
        }

        var body = JsonSerializer.Serialize(new { authenticator_config = new { display_name = "RP ID test", config } });
        return management.PostAsync($"{server.Bootstrap.RealmPath}/authenticator-configs", Api.Json(body));
    }

    public sealed class Sqlite(SqliteServer server) : RelyingPartyIdTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : RelyingPartyIdTests(server), IClassFixture<PostgreSqlServer>;
}
