using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Oidc;

/// <summary>
/// An application's discovery document, JWKS, userinfo, introspection (RFC 7662) and revocation (RFC 7009),
/// and the realm's signing-key rotation with its overlap.
/// </summary>
public abstract class OidcEndpointsTests(PassbindServer server)
{
    [Fact]
    public async Task Discovery_DescribesTheApplicationsIssuerAndEndpoints()
    {
        var (oidc, application, _) = await ArrangeAsync();
        using var client = server.CreateClient(accessToken: null);

        using var response = await client.GetAsync($"{application.Path}/.well-known/openid-configuration");

        var document = await Api.ReadJsonAsync(response, expectedStatus: 200);
        var issuer = $"{PassbindServerFactory.PublicBaseUrl}{application.Path}";
        Assert.Equal(issuer, document.GetProperty("issuer").GetString());
        Assert.Equal($"{issuer}/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{issuer}/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{issuer}/userinfo", document.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal($"{issuer}/.well-known/jwks.json", document.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{issuer}/introspect", document.GetProperty("introspection_endpoint").GetString());
        Assert.Equal($"{issuer}/revoke", document.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(["code"], Strings(document, "response_types_supported"));
        Assert.Equal(["authorization_code", "refresh_token"], Strings(document, "grant_types_supported"));
        Assert.Equal(["S256", "plain"], Strings(document, "code_challenge_methods_supported"));
        Assert.Equal(["public"], Strings(document, "subject_types_supported"));
        Assert.Equal(["RS256"], Strings(document, "id_token_signing_alg_values_supported"));
        Assert.Equal(["client_secret_basic", "client_secret_post"], Strings(document, "token_endpoint_auth_methods_supported"));
        Assert.Contains("openid", Strings(document, "scopes_supported"));
        Assert.Contains("offline_access", Strings(document, "scopes_supported"));
        Assert.Contains("pets:read", Strings(document, "scopes_supported"));
        Assert.Contains("nonce", Strings(document, "claims_supported"));
        Assert.True(document.GetProperty("authorization_response_iss_parameter_supported").GetBoolean());

        using var missing = await client.GetAsync($"{oidc.Access.RealmPath}/applications/00000000-dead-beef-0000-000000000000/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task KeySet_VerifiesTheIdAndAccessTokens()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var tokens = await oidc.SignInAsync(application, identityId);

        var keys = await GetKeysAsync(application);

        foreach (var name in new[] { "id_token", "access_token" })
        {
            var token = tokens.GetProperty(name).GetString()!;
            Assert.True(await VerifiesAsync(keys, token), $"the JWKS does not verify the {name}");
            Assert.Equal($"{PassbindServerFactory.PublicBaseUrl}{application.Path}/.well-known/jwks.json", Api.JwtPart(token, 0).GetProperty("jku").GetString());
        }
    }

    [Fact]
    public async Task RotateSigningKey_BothKeysVerifyDuringTheOverlapThenOnlyTheNew()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var before = await oidc.SignInAsync(application, identityId);
        var oldKid = Api.JwtPart(before.GetProperty("access_token").GetString()!, 0).GetProperty("kid").GetString();
        using var management = server.CreateClient(oidc.Access.AccessToken);

        using var rotate = await management.PostAsync($"{oidc.Access.RealmPath}/signing-keys:rotate", null);
        var rotated = await Api.ReadJsonAsync(rotate, expectedStatus: 200);

        var states = rotated.GetProperty("signing_keys").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!, k => k.GetProperty("state").GetString());
        Assert.Equal("RETIRING", states[oldKid!]);
        var after = await oidc.SignInAsync(application, identityId);
        var newKid = Api.JwtPart(after.GetProperty("access_token").GetString()!, 0).GetProperty("kid").GetString();
        Assert.NotEqual(oldKid, newKid);
        Assert.Equal("ACTIVE", states[newKid!]);
        var keys = await GetKeysAsync(application);
        Assert.True(await VerifiesAsync(keys, before.GetProperty("id_token").GetString()!));
        Assert.True(await VerifiesAsync(keys, after.GetProperty("id_token").GetString()!));
        Assert.True((await oidc.IntrospectAsync(application, before.GetProperty("access_token").GetString()!)).GetProperty("active").GetBoolean());

        server.Time.Advance(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1));

        var later = await GetKeysAsync(application);
        Assert.DoesNotContain(later.Keys, k => k.Kid == oldKid);
        Assert.Contains(later.Keys, k => k.Kid == newKid);
        Assert.False(await VerifiesAsync(later, before.GetProperty("id_token").GetString()!));
    }

    [Fact]
    public async Task RotateSigningKey_ManagementTokenOfTheRealmKeepsWorkingDuringTheOverlap()
    {
        var access = await server.CreateTenantAsync();
        using var management = server.CreateClient(access.AccessToken);

        using var rotate = await management.PostAsync($"{access.RealmPath}/signing-keys:rotate", null);
        await Api.ReadJsonAsync(rotate, expectedStatus: 200);

        using var list = await management.GetAsync($"{access.RealmPath}/identities");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var fresh = await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret);
        Assert.NotEqual(Api.JwtPart(access.AccessToken, 0).GetProperty("kid").GetString(), Api.JwtPart(fresh, 0).GetProperty("kid").GetString());

        var readOnly = await server.CreateRealmAsync(access.TenantId, ["realms:read"]);
        using var readOnlyClient = server.CreateClient(readOnly.AccessToken);
        using var forbidden = await readOnlyClient.PostAsync($"{readOnly.RealmPath}/signing-keys:rotate", null);
        await Api.AssertErrorAsync(forbidden, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task UserInfo_AnswersTheClaimsOfTheTokensScopes()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var full = await oidc.SignInAsync(application, identityId);
        var narrow = await oidc.SignInAsync(application, identityId, scope: "openid");

        var claims = await UserInfoAsync(application, full.GetProperty("access_token").GetString()!, 200);
        Assert.Equal(identityId, claims.GetProperty("sub").GetString());
        Assert.EndsWith("@example.com", claims.GetProperty("email").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("preferred_username").GetString()));

        var subOnly = await UserInfoAsync(application, narrow.GetProperty("access_token").GetString()!, 200);
        Assert.Equal([ "sub" ], subOnly.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task UserInfo_RefusesManagementForeignRevokedAndMissingTokens()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var other = await oidc.CreateApplicationAsync();
        var tokens = await oidc.SignInAsync(application, identityId);
        var accessToken = tokens.GetProperty("access_token").GetString()!;

        await UserInfoAsync(application, oidc.Access.AccessToken, 401);
        await UserInfoAsync(other, accessToken, 401);
        await UserInfoAsync(application, "not-a-token", 401);
        var noScope = await oidc.SignInAsync(application, identityId, scope: "email");
        await UserInfoAsync(application, noScope.GetProperty("access_token").GetString()!, 403);

        using var revoke = await oidc.PostFormAsync($"{application.Path}/revoke", [new("token", accessToken)], application.Basic);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        await UserInfoAsync(application, accessToken, 401);
    }

    [Fact]
    public async Task Introspect_ActiveTokenDescribed_ForeignExpiredAndGarbageInactive()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var other = await oidc.CreateApplicationAsync();
        var tokens = await oidc.SignInAsync(application, identityId);
        var accessToken = tokens.GetProperty("access_token").GetString()!;

        var active = await oidc.IntrospectAsync(application, accessToken);
        Assert.True(active.GetProperty("active").GetBoolean());
        Assert.Equal(identityId, active.GetProperty("sub").GetString());
        Assert.Equal(application.ClientId, active.GetProperty("client_id").GetString());
        Assert.Equal("openid profile email offline_access", active.GetProperty("scope").GetString());
        Assert.Equal(oidc.Access.TenantId, active.GetProperty("bi_t").GetString());
        Assert.Equal(Api.JwtPart(accessToken, 1).GetProperty("jti").GetString(), active.GetProperty("jti").GetString());
        Assert.Equal("refresh_token", (await oidc.IntrospectAsync(application, tokens.GetProperty("refresh_token").GetString()!)).GetProperty("token_type").GetString());

        AssertInactive(await oidc.IntrospectAsync(other, accessToken));
        AssertInactive(await oidc.IntrospectAsync(application, "garbage"));
        AssertInactive(await oidc.IntrospectAsync(application, accessToken[..^4] + "AAAA"));
        AssertInactive(await oidc.IntrospectAsync(application, oidc.Access.AccessToken));

        server.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        AssertInactive(await oidc.IntrospectAsync(application, accessToken));
    }

    [Fact]
    public async Task Introspect_NeedsClientAuthentication()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var tokens = await oidc.SignInAsync(application, identityId);

        using var anonymous = await oidc.PostFormAsync($"{application.Path}/introspect", [new("token", tokens.GetProperty("access_token").GetString()!)]);
        await AuthorizationCodeGrantTests.AssertOAuthErrorAsync(anonymous, HttpStatusCode.Unauthorized, "invalid_client");

        using var wrong = await oidc.PostFormAsync($"{application.Path}/introspect", [new("token", "x")], (application.ClientId, "wrong"));
        await AuthorizationCodeGrantTests.AssertOAuthErrorAsync(wrong, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal("Basic", Assert.Single(wrong.Headers.WwwAuthenticate).Scheme);

        using var noToken = await oidc.PostFormAsync($"{application.Path}/introspect", [], application.Basic);
        await AuthorizationCodeGrantTests.AssertOAuthErrorAsync(noToken, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task RealmIntrospection_ManagementApplicationIntrospectsItsOwnToken()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);

        using var response = await oidc.PostFormAsync($"{access.RealmPath}/introspect", [new("token", access.AccessToken)], (access.ClientId, access.ClientSecret));

        var body = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal("*", body.GetProperty("bi_r").GetString());
        Assert.Equal(access.ClientId, body.GetProperty("sub").GetString());

        using var unknown = await oidc.PostFormAsync($"{access.RealmPath}/introspect", [new("token", access.AccessToken)], ("nobody", "nothing"));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task Revoke_RefreshTokenEndsItsFamily_UnknownTokenStill200()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var other = await oidc.CreateApplicationAsync();
        var tokens = await oidc.SignInAsync(application, identityId);
        var refresh = tokens.GetProperty("refresh_token").GetString()!;

        using (var foreign = await oidc.PostFormAsync($"{other.Path}/revoke", [new("token", refresh)], other.Basic))
        {
            Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        }

        Assert.True((await oidc.IntrospectAsync(application, refresh)).GetProperty("active").GetBoolean());

        using (var revoke = await oidc.PostFormAsync($"{application.Path}/revoke", [new("token", refresh), new("token_type_hint", "refresh_token")], application.Basic))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        AssertInactive(await oidc.IntrospectAsync(application, refresh));
        AssertInactive(await oidc.IntrospectAsync(application, tokens.GetProperty("access_token").GetString()!));
        using var unknown = await oidc.PostFormAsync($"{application.Path}/revoke", [new("token", "never-issued")], application.Basic);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        using var anonymous = await oidc.PostFormAsync($"{application.Path}/revoke", [new("token", refresh)]);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Revoke_ManagementTokenStopsItAtOnce()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var token = await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret);
        using var client = server.CreateClient(token);
        using (var before = await client.GetAsync($"{access.RealmPath}/identities"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoke = await oidc.PostFormAsync($"{access.RealmPath}/applications/{access.ApplicationId}/revoke", [new("token", token)], (access.ClientId, access.ClientSecret));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        using var after = await client.GetAsync($"{access.RealmPath}/identities");
        await Api.AssertErrorAsync(after, HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static void AssertInactive(JsonElement introspection) =>
        Assert.Equal("""{"active":false}""", introspection.GetRawText());

    private async Task<JsonElement> UserInfoAsync(TestApplication application, string token, int expectedStatus)
    {
        using var client = server.CreateClient(accessToken: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{application.Path}/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var body = await Api.ReadJsonAsync(response, expectedStatus);
        if (expectedStatus != 200)
        {
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        return body;
    }

    private async Task<JsonWebKeySet> GetKeysAsync(TestApplication application)
    {
        using var client = server.CreateClient(accessToken: null);
        using var response = await client.GetAsync($"{application.Path}/.well-known/jwks.json");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, json);
        return new JsonWebKeySet(json);
    }

    private static async Task<bool> VerifiesAsync(JsonWebKeySet keys, string token)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        return result.IsValid;
    }

    private static string[] Strings(JsonElement document, string name) =>
        document.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private async Task<(OidcTestClient Oidc, TestApplication Application, string IdentityId)> ArrangeAsync()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var application = await oidc.CreateApplicationAsync();
        return (oidc, application, await oidc.CreateIdentityAsync());
    }

    public sealed class Sqlite(SqliteServer server) : OidcEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : OidcEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
