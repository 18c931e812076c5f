using System.Net;
using System.Text.Json;
using Passbind.Server.Tests.Features.Oidc;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Applications;

/// <summary>The applications resource (beyond-identity-api.md §3.7): create, get, list, patch, delete, <c>:rotateSecret</c>, and their errors.</summary>
public abstract class ApplicationEndpointsTests(PassbindServer server)
{
    private const string Code = "\"type\":\"oidc\",\"grant_type\":[\"authorization_code\"],\"redirect_uris\":[\"https://rp.example/cb\"]";

    /// <summary>Create bodies that must be refused with 400, and the field each must name (the config id is filled in).</summary>
    public static TheoryData<string, string> InvalidCreateBodies => new()
    {
        { """{"application":{"protocol_config":{CODE}}}""", "application.display_name" },
        { """{"application":{"display_name":"A"}}""", "application.protocol_config" },
        { """{"application":{"display_name":"A","protocol_config":{"grant_type":["client_credentials"]}}}""", "application.protocol_config.type" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"saml","grant_type":["client_credentials"]}}}""", "application.protocol_config.type" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oauth2"}}}""", "application.protocol_config.grant_type" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oauth2","grant_type":[]}}}""", "application.protocol_config.grant_type" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oauth2","grant_type":["password"]}}}""", "application.protocol_config.grant_type[0]" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oauth2","grant_type":["client_credentials",null]}}}""", "application.protocol_config.grant_type[1]" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oauth2","grant_type":["refresh_token"]}}}""", "application.protocol_config.grant_type" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oauth2","grant_type":["client_credentials"],"confidentiality":"secret"}}}""", "application.protocol_config.confidentiality" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oauth2","grant_type":["client_credentials"],"token_endpoint_auth_method":"private_key_jwt"}}}""", "application.protocol_config.token_endpoint_auth_method" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oauth2","grant_type":["client_credentials"],"token_endpoint_auth_method":"none"}}}""", "application.protocol_config.token_endpoint_auth_method" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"confidentiality":"public","token_endpoint_auth_method":"client_secret_basic"}}}""", "application.protocol_config.token_endpoint_auth_method" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"confidentiality":"public","pkce":"plain"}}}""", "application.protocol_config.pkce" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"confidentiality":"public","pkce":"disabled"}}}""", "application.protocol_config.pkce" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","confidentiality":"public","grant_type":["client_credentials"]}}}""", "application.protocol_config.grant_type" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"pkce":"S257"}}}""", "application.protocol_config.pkce" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","grant_type":["authorization_code"]}}}""", "application.protocol_config.redirect_uris" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":["/relative"]}}}""", "application.protocol_config.redirect_uris[0]" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":["https://rp.example/cb#fragment"]}}}""", "application.protocol_config.redirect_uris[0]" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":["https://rp.example/cb","http://rp.example/cb"]}}}""", "application.protocol_config.redirect_uris[1]" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":["https://user:pass@rp.example/cb"]}}}""", "application.protocol_config.redirect_uris[0]" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":["javascript:alert(1)"]}}}""", "application.protocol_config.redirect_uris[0]" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":["data:text/html,hi"]}}}""", "application.protocol_config.redirect_uris[0]" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":[null]}}}""", "application.protocol_config.redirect_uris[0]" },
        { """{"application":{"display_name":"A","protocol_config":{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":"https://rp.example/cb"}}}""", "application.protocol_config.redirect_uris" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"token_configuration":{"subject_field":"phone"}}}}""", "application.protocol_config.token_configuration.subject_field" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"token_configuration":{"expires_after":10}}}}""", "application.protocol_config.token_configuration.expires_after" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"token_configuration":{"expires_after":77760001}}}}""", "application.protocol_config.token_configuration.expires_after" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"token_configuration":{"expires_after":"day"}}}}""", "application.protocol_config.token_configuration.expires_after" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"token_configuration":{"token_signing_algorithm":"HS256"}}}}""", "application.protocol_config.token_configuration.token_signing_algorithm" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"token_format":"referential"}}}""", "application.protocol_config.token_format" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"allowed_scopes":["pets read"]}}}""", "application.protocol_config.allowed_scopes[0]" },
        { """{"application":{"display_name":"A","protocol_config":{CODE,"allowed_scopes":["ok","bad\"quote"]}}}""", "application.protocol_config.allowed_scopes[1]" },
        { """{"application":{"display_name":"A","authenticator_config_id":"00000000-dead-beef-0000-000000000000","protocol_config":{CODE}}}""", "application.authenticator_config_id" },
        { """{"application":{"display_name":"A","authenticator_config_id":"","protocol_config":{CODE}}}""", "application.authenticator_config_id" },
        { """{"application":null}""", "application" },
        { """{}""", "application" },
    };

    [Fact]
    public async Task Create_ConfidentialOidc_AnswersSecretOnceAndSpecShape()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);

        var application = await oidc.CreateApplicationAsync();

        var created = application.Created;
        Assert.Equal(access.RealmId, created.GetProperty("realm_id").GetString());
        Assert.Equal(access.TenantId, created.GetProperty("tenant_id").GetString());
        Assert.False(created.GetProperty("is_managed").GetBoolean());
        Assert.Equal(access.AuthenticatorConfigId, created.GetProperty("authenticator_config_id").GetString());
        var protocol = created.GetProperty("protocol_config");
        Assert.Equal("oidc", protocol.GetProperty("type").GetString());
        Assert.Equal("confidential", protocol.GetProperty("confidentiality").GetString());
        Assert.Equal("client_secret_basic", protocol.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal(["authorization_code", "refresh_token"], protocol.GetProperty("grant_type").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal([OidcTestClient.RedirectUri], protocol.GetProperty("redirect_uris").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("s256", protocol.GetProperty("pkce").GetString());
        Assert.Equal("self_contained", protocol.GetProperty("token_format").GetString());
        var token = protocol.GetProperty("token_configuration");
        Assert.Equal("id", token.GetProperty("subject_field").GetString());
        Assert.Equal(86400, token.GetProperty("expires_after").GetInt64());
        Assert.Equal("RS256", token.GetProperty("token_signing_algorithm").GetString());
        Assert.Equal(24, application.ClientId.Length);
        Assert.True(application.ClientSecret!.Length >= 43);

        using var client = server.CreateClient(access.AccessToken);
        using var get = await client.GetAsync(application.Path);
        var fetched = await Api.ReadJsonAsync(get, expectedStatus: 200);
        Assert.False(fetched.GetProperty("protocol_config").TryGetProperty("client_secret", out _));
        Assert.Equal(application.ClientId, fetched.GetProperty("protocol_config").GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task Create_PublicClient_HasNoSecretAndDefaultsToNoneAndS256()
    {
        var access = await server.CreateTenantAsync();
        var application = await new OidcTestClient(server, access).CreateApplicationAsync(
            $$"""{"type":"oidc","confidentiality":"public","grant_type":["authorization_code"],"redirect_uris":["com.example.pets:/callback","http://127.0.0.1:7777/cb","http://[::1]/cb","http://localhost/cb"]}""");

        var protocol = application.Created.GetProperty("protocol_config");
        Assert.Null(application.ClientSecret);
        Assert.Equal("none", protocol.GetProperty("token_endpoint_auth_method").GetString());
        Assert.Equal("s256", protocol.GetProperty("pkce").GetString());
        Assert.Equal(4, protocol.GetProperty("redirect_uris").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task Create_InvalidField_Returns400NamingItAndStoresNothing(string body, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var before = await Api.CountAsync(client, $"{access.RealmPath}/applications");
        var filled = body.Replace("CODE", Code, StringComparison.Ordinal);
        if (!filled.Contains("authenticator_config_id", StringComparison.Ordinal))
        {
            filled = filled.Replace("{\"application\":{", $"{{\"application\":{{\"authenticator_config_id\":\"{access.AuthenticatorConfigId}\",", StringComparison.Ordinal);
        }

        using var response = await client.PostAsync($"{access.RealmPath}/applications", Api.Json(filled));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        Assert.Equal(before, await Api.CountAsync(client, $"{access.RealmPath}/applications"));
    }

    [Fact]
    public async Task Create_AuthenticatorConfigOfAnotherRealm_Returns400()
    {
        var access = await server.CreateTenantAsync();
        var other = await server.CreateRealmAsync(access.TenantId);
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync($"{access.RealmPath}/applications", Api.Json(
            "{\"application\":{\"display_name\":\"A\",\"authenticator_config_id\":\"" + other.AuthenticatorConfigId + "\",\"protocol_config\":{" + Code + "}}}"));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "application.authenticator_config_id");
    }

    [Fact]
    public async Task Create_ManagementScopeTheCallerLacks_Returns400()
    {
        var access = await server.CreateTenantAsync(["applications:create", "identities:read"]);
        using var client = server.CreateClient(access.AccessToken);
        const string Body = """{"application":{"display_name":"Robot","protocol_config":{"type":"oauth2","grant_type":["client_credentials"],"allowed_scopes":["identities:read","identities:delete"]}}}""";

        using var response = await client.PostAsync($"{access.RealmPath}/applications", Api.Json(Body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "application.protocol_config.allowed_scopes[1]");
    }

    [Fact]
    public async Task Create_WithoutScope_Returns403()
    {
        var access = await server.CreateTenantAsync(["applications:read"]);
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync($"{access.RealmPath}/applications", Api.Json(
            """{"application":{"display_name":"Robot","protocol_config":{"type":"oauth2","grant_type":["client_credentials"]}}}"""));

        await Api.AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task List_PagesOfTwo_CoverEveryApplicationOnce()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var expected = new List<string> { access.ApplicationId };
        for (var i = 0; i < 3; i++)
        {
            expected.Add((await oidc.CreateApplicationAsync()).Id);
        }

        using var client = server.CreateClient(access.AccessToken);

        await Wire.AssertPagesCoverAsync(client, $"{access.RealmPath}/applications", "applications", expected);
    }

    [Fact]
    public async Task Patch_RedirectUrisAndLifetime_ChangesOnlyThemAndIgnoresConfidentiality()
    {
        var access = await server.CreateTenantAsync();
        var application = await new OidcTestClient(server, access).CreateApplicationAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PatchAsync(application.Path, Api.Json(
            """{"application":{"display_name":"Renamed","protocol_config":{"confidentiality":"public","redirect_uris":["https://rp.example/new"],"token_configuration":{"expires_after":600}}}}"""));

        var patched = await Api.ReadJsonAsync(response, expectedStatus: 200);
        var protocol = patched.GetProperty("protocol_config");
        Assert.Equal("Renamed", patched.GetProperty("display_name").GetString());
        Assert.Equal("confidential", protocol.GetProperty("confidentiality").GetString());
        Assert.Equal(["https://rp.example/new"], protocol.GetProperty("redirect_uris").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(600, protocol.GetProperty("token_configuration").GetProperty("expires_after").GetInt64());
        Assert.Equal("s256", protocol.GetProperty("pkce").GetString());
        Assert.False(protocol.TryGetProperty("client_secret", out _));
    }

    [Fact]
    public async Task Patch_BreaksARuleBetweenFields_Returns400AndKeepsTheApplication()
    {
        var access = await server.CreateTenantAsync();
        var application = await new OidcTestClient(server, access).CreateApplicationAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PatchAsync(application.Path, Api.Json("""{"application":{"protocol_config":{"redirect_uris":[]}}}"""));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "application.protocol_config.redirect_uris");
        using var get = await client.GetAsync(application.Path);
        var kept = await Api.ReadJsonAsync(get, expectedStatus: 200);
        Assert.Equal(1, kept.GetProperty("protocol_config").GetProperty("redirect_uris").GetArrayLength());
    }

    [Fact]
    public async Task ManagedApplication_CannotBeDeletedAndOnlyItsLifetimeCanChange()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var path = $"{access.RealmPath}/applications/{access.ApplicationId}";

        using var delete = await client.DeleteAsync(path);
        await Api.AssertErrorAsync(delete, HttpStatusCode.UnprocessableEntity, "unprocessable_entity");

        using var widen = await client.PatchAsync(path, Api.Json("""{"application":{"protocol_config":{"grant_type":["authorization_code"]}}}"""));
        await Api.AssertErrorAsync(widen, HttpStatusCode.BadRequest, "bad_request", "application.protocol_config");

        using var shorten = await client.PatchAsync(path, Api.Json("""{"application":{"protocol_config":{"token_configuration":{"expires_after":3600}}}}"""));
        var patched = await Api.ReadJsonAsync(shorten, expectedStatus: 200);
        Assert.True(patched.GetProperty("is_managed").GetBoolean());
        Assert.Equal("management_api", patched.GetProperty("classification").GetString());
        Assert.Equal(3600, patched.GetProperty("protocol_config").GetProperty("token_configuration").GetProperty("expires_after").GetInt64());
    }

    [Fact]
    public async Task Delete_Returns200EmptyThen404()
    {
        var access = await server.CreateTenantAsync();
        var application = await new OidcTestClient(server, access).CreateApplicationAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var delete = await client.DeleteAsync(application.Path);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(string.Empty, await delete.Content.ReadAsStringAsync());

        using var get = await client.GetAsync(application.Path);
        await Api.AssertErrorAsync(get, HttpStatusCode.NotFound, "not_found");
        using var again = await client.DeleteAsync(application.Path);
        await Api.AssertErrorAsync(again, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AnotherTenantsApplication_Answers404LikeARandomId()
    {
        var mine = await server.CreateTenantAsync();
        var theirs = await server.CreateTenantAsync();
        var application = await new OidcTestClient(server, theirs).CreateApplicationAsync();
        using var client = server.CreateClient(mine.AccessToken);

        using var get = await client.GetAsync($"{mine.RealmPath}/applications/{application.Id}");
        await Api.AssertErrorAsync(get, HttpStatusCode.NotFound, "not_found");
        using var rotate = await client.PostAsync($"{mine.RealmPath}/applications/{application.Id}:rotateSecret", null);
        await Api.AssertErrorAsync(rotate, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task RotateSecret_NewSecretWorks_OldOneUntilTheGraceEnds_EarlierTokensEnd()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var robot = await oidc.CreateRawAsync(
            """{"application":{"display_name":"Robot","protocol_config":{"type":"oauth2","grant_type":["client_credentials"],"allowed_scopes":["identities:read"]}}}""");
        var before = await server.RequestTokenAsync($"{robot.Path}/token", robot.ClientId, robot.ClientSecret!);
        using var management = server.CreateClient(access.AccessToken);
        server.Time.Advance(TimeSpan.FromSeconds(1));

        using var rotate = await management.PostAsync($"{robot.Path}:rotateSecret", null);
        var rotated = await Api.ReadJsonAsync(rotate, expectedStatus: 200);
        var newSecret = rotated.GetProperty("protocol_config").GetProperty("client_secret").GetString()!;
        Assert.NotEqual(robot.ClientSecret, newSecret);

        using (var old = server.CreateClient(before))
        using (var list = await old.GetAsync($"{access.RealmPath}/identities"))
        {
            await Api.AssertErrorAsync(list, HttpStatusCode.Unauthorized, "unauthorized");
        }

        Assert.False(string.IsNullOrEmpty(await server.RequestTokenAsync($"{robot.Path}/token", robot.ClientId, newSecret)));
        Assert.False(string.IsNullOrEmpty(await server.RequestTokenAsync($"{robot.Path}/token", robot.ClientId, robot.ClientSecret!)));

        server.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        using var stale = await oidc.PostFormAsync($"{robot.Path}/token", [new("grant_type", "client_credentials")], robot.Basic);
        var error = await Api.ReadJsonAsync(stale, expectedStatus: 401);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(await server.RequestTokenAsync($"{robot.Path}/token", robot.ClientId, newSecret)));
    }

    [Fact]
    public async Task RotateSecret_NoGrace_OldSecretFailsAtOnce()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var robot = await oidc.CreateRawAsync(
            """{"application":{"display_name":"Robot","protocol_config":{"type":"oauth2","grant_type":["client_credentials"],"allowed_scopes":["identities:read"]}}}""");
        using var management = server.CreateClient(access.AccessToken);

        using var rotate = await management.PostAsync($"{robot.Path}:rotateSecret", Api.Json("""{"grace_period":0}"""));
        await Api.ReadJsonAsync(rotate, expectedStatus: 200);

        using var old = await oidc.PostFormAsync($"{robot.Path}/token", [new("grant_type", "client_credentials")], robot.Basic);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);

        using var tooLong = await management.PostAsync($"{robot.Path}:rotateSecret", Api.Json("""{"grace_period":999999999}"""));
        await Api.AssertErrorAsync(tooLong, HttpStatusCode.BadRequest, "bad_request", "grace_period");
    }

    [Fact]
    public async Task Delete_EndsTheApplicationsTokensAtOnce()
    {
        var access = await server.CreateTenantAsync();
        var robot = await new OidcTestClient(server, access).CreateRawAsync(
            """{"application":{"display_name":"Robot","protocol_config":{"type":"oauth2","grant_type":["client_credentials"],"allowed_scopes":["identities:read"]}}}""");
        var token = await server.RequestTokenAsync($"{robot.Path}/token", robot.ClientId, robot.ClientSecret!);
        using var robotClient = server.CreateClient(token);
        using (var before = await robotClient.GetAsync($"{access.RealmPath}/identities"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var management = server.CreateClient(access.AccessToken);
        using var delete = await management.DeleteAsync(robot.Path);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);

        using var after = await robotClient.GetAsync($"{access.RealmPath}/identities");
        await Api.AssertErrorAsync(after, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ClientCredentialsApplication_TokenActsOnlyInItsRealmWithItsScopes()
    {
        var access = await server.CreateTenantAsync();
        var other = await server.CreateRealmAsync(access.TenantId);
        var robot = await new OidcTestClient(server, access).CreateRawAsync(
            """{"application":{"display_name":"Robot","protocol_config":{"type":"oauth2","grant_type":["client_credentials"],"allowed_scopes":["identities:read"]}}}""");
        var token = await server.RequestTokenAsync($"{robot.Path}/token", robot.ClientId, robot.ClientSecret!);
        using var client = server.CreateClient(token);

        using var mine = await client.GetAsync($"{access.RealmPath}/identities");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        using var write = await client.PostAsync($"{access.RealmPath}/identities", Api.Json(Api.SeedIdentityBody(PassbindServer.NewUsername())));
        await Api.AssertErrorAsync(write, HttpStatusCode.Forbidden, "forbidden");
        using var elsewhere = await client.GetAsync($"{other.RealmPath}/identities");
        await Api.AssertErrorAsync(elsewhere, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(access.RealmId, Api.JwtPart(token, 1).GetProperty("bi_r").GetString());
    }

    public sealed class Sqlite(SqliteServer server) : ApplicationEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ApplicationEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
