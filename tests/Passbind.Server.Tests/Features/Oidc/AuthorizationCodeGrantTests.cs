using System.Net;
using System.Text.Json;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Oidc;

/// <summary>
/// The token endpoint's authorization code and refresh token grants (RFC 6749 §4.1.3, §6; RFC 7636;
/// RFC 9700), with codes issued the way a verified sign-in issues them, and the negative cases of issue 11.
/// </summary>
public abstract class AuthorizationCodeGrantTests(PassbindServer server)
{
    [Fact]
    public async Task Redeem_ValidCode_AnswersAccessIdAndRefreshTokens()
    {
        var (oidc, application, identityId) = await ArrangeAsync();

        var tokens = await oidc.SignInAsync(application, identityId);

        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.Equal(86400, tokens.GetProperty("expires_in").GetInt64());
        Assert.Equal("openid profile email offline_access", tokens.GetProperty("scope").GetString());
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refresh_token").GetString()));
        var idToken = tokens.GetProperty("id_token").GetString()!;
        var header = Api.JwtPart(idToken, 0);
        var claims = Api.JwtPart(idToken, 1);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(header.GetProperty("kid").GetString()));
        Assert.Equal($"{PassbindServerFactory.PublicBaseUrl}{application.Path}", claims.GetProperty("iss").GetString());
        Assert.Equal(identityId, claims.GetProperty("sub").GetString());
        Assert.Equal(application.ClientId, claims.GetProperty("aud").GetString());
        Assert.Equal(application.ClientId, claims.GetProperty("azp").GetString());
        Assert.Equal("n-0S6_WzA2Mj", claims.GetProperty("nonce").GetString());
        Assert.Equal(["pop", "user"], claims.GetProperty("amr").EnumerateArray().Select(a => a.GetString()));
        Assert.True(claims.GetProperty("auth_time").GetInt64() > 0);
        Assert.EndsWith("@example.com", claims.GetProperty("email").GetString(), StringComparison.Ordinal);
        var access = Api.JwtPart(tokens.GetProperty("access_token").GetString()!, 1);
        Assert.Equal(oidc.Access.TenantId, access.GetProperty("bi_t").GetString());
        Assert.Equal(oidc.Access.RealmId, access.GetProperty("bi_r").GetString());
        Assert.False(string.IsNullOrEmpty(access.GetProperty("jti").GetString()));
        Assert.Equal("at+jwt", Api.JwtPart(tokens.GetProperty("access_token").GetString()!, 0).GetProperty("typ").GetString());
    }

    [Theory]
    [InlineData("email")]
    [InlineData("username")]
    public async Task Redeem_SubjectField_SetsSub(string subjectField)
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var application = await oidc.CreateApplicationAsync(
            $$$"""{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":["{{{OidcTestClient.RedirectUri}}}"],"token_configuration":{"subject_field":"{{{subjectField}}}"}}""");
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);

        var tokens = await oidc.SignInAsync(application, identity.GetProperty("id").GetString()!, scope: "openid");

        var expected = subjectField == "email"
            ? identity.GetProperty("traits").GetProperty("primary_email_address").GetString()
            : identity.GetProperty("traits").GetProperty("username").GetString();
        Assert.Equal(expected, Api.JwtPart(tokens.GetProperty("id_token").GetString()!, 1).GetProperty("sub").GetString());
        Assert.False(tokens.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Redeem_SecondTime_FailsAndRevokesWhatTheFirstIssued()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var verifier = OidcTestClient.NewVerifier();
        var code = await oidc.IssueCodeAsync(application, identityId, verifier);
        using var first = await oidc.RedeemAsync(application, code, verifier);
        var tokens = await Api.ReadJsonAsync(first, expectedStatus: 200);
        Assert.True((await oidc.IntrospectAsync(application, tokens.GetProperty("access_token").GetString()!)).GetProperty("active").GetBoolean());

        using var second = await oidc.RedeemAsync(application, code, verifier);

        await AssertOAuthErrorAsync(second, HttpStatusCode.BadRequest, "invalid_grant");
        Assert.False((await oidc.IntrospectAsync(application, tokens.GetProperty("access_token").GetString()!)).GetProperty("active").GetBoolean());
        Assert.False((await oidc.IntrospectAsync(application, tokens.GetProperty("refresh_token").GetString()!)).GetProperty("active").GetBoolean());
        using var refresh = await oidc.RefreshAsync(application, tokens.GetProperty("refresh_token").GetString()!);
        await AssertOAuthErrorAsync(refresh, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Redeem_ConcurrentUses_ExactlyOneWinsAndNoTokenSurvivesTheReuse()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var verifier = OidcTestClient.NewVerifier();
        var code = await oidc.IssueCodeAsync(application, identityId, verifier);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => oidc.RedeemAsync(application, code, verifier)));

        var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.True(winners.Count <= 1, $"{winners.Count} redemptions of one code succeeded");
        foreach (var winner in winners)
        {
            var tokens = await Api.ReadJsonAsync(winner, expectedStatus: 200);
            Assert.False((await oidc.IntrospectAsync(application, tokens.GetProperty("access_token").GetString()!)).GetProperty("active").GetBoolean());
        }

        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Redeem_AfterSixtySeconds_FailsAsExpired()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var verifier = OidcTestClient.NewVerifier();
        var code = await oidc.IssueCodeAsync(application, identityId, verifier);

        server.Time.Advance(TimeSpan.FromSeconds(61));
        using var response = await oidc.RedeemAsync(application, code, verifier);

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Theory]
    [InlineData("https://rp.example/callback/")]
    [InlineData("https://rp.example/other")]
    [InlineData("https://RP.example/callback")]
    [InlineData("https://rp.example/callback?x=1")]
    public async Task Redeem_DifferentRedirectUri_Fails(string redirectUri)
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var verifier = OidcTestClient.NewVerifier();
        var code = await oidc.IssueCodeAsync(application, identityId, verifier);

        using var response = await oidc.RedeemAsync(application, code, verifier, redirectUri);

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
        using var honest = await oidc.RedeemAsync(application, code, verifier);
        Assert.Equal(HttpStatusCode.OK, honest.StatusCode);
    }

    [Fact]
    public async Task Redeem_RepeatedOrMissingRedirectUri_Fails()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var verifier = OidcTestClient.NewVerifier();
        var code = await oidc.IssueCodeAsync(application, identityId, verifier);

        using var repeated = await oidc.PostFormAsync($"{application.Path}/token",
            [new("grant_type", "authorization_code"), new("code", code), new("code_verifier", verifier),
             new("redirect_uri", OidcTestClient.RedirectUri), new("redirect_uri", "https://evil.example/cb")], application.Basic);
        await AssertOAuthErrorAsync(repeated, HttpStatusCode.BadRequest, "invalid_request");

        using var missing = await oidc.PostFormAsync($"{application.Path}/token",
            [new("grant_type", "authorization_code"), new("code", code), new("code_verifier", verifier)], application.Basic);
        await AssertOAuthErrorAsync(missing, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Redeem_PkceMissingWrongOrDowngraded_Fails()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var verifier = OidcTestClient.NewVerifier();

        var code = await oidc.IssueCodeAsync(application, identityId, verifier);
        using (var missing = await oidc.RedeemAsync(application, code, verifier: null))
        {
            await AssertOAuthErrorAsync(missing, HttpStatusCode.BadRequest, "invalid_grant");
        }

        using (var wrong = await oidc.RedeemAsync(application, code, OidcTestClient.NewVerifier()))
        {
            await AssertOAuthErrorAsync(wrong, HttpStatusCode.BadRequest, "invalid_grant");
        }

        // A plain challenge where the application requires S256, presented with the challenge itself.
        var plain = await oidc.IssueCodeAsync(application, identityId, verifier, method: "plain");
        using (var downgraded = await oidc.RedeemAsync(application, plain, verifier))
        {
            await AssertOAuthErrorAsync(downgraded, HttpStatusCode.BadRequest, "invalid_grant");
        }

        // No challenge at all, but a verifier at the token endpoint (RFC 9700 §2.1.1).
        var unprotected = await oidc.IssueCodeAsync(application, identityId, verifier: null);
        using (var injected = await oidc.RedeemAsync(application, unprotected, verifier))
        {
            await AssertOAuthErrorAsync(injected, HttpStatusCode.BadRequest, "invalid_grant");
        }

        using var right = await oidc.RedeemAsync(application, code, verifier);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Redeem_PlainPkce_AcceptedWhereTheApplicationAllowsIt()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var application = await oidc.CreateApplicationAsync(
            $$"""{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":["{{OidcTestClient.RedirectUri}}"],"pkce":"plain"}""");
        var identityId = await oidc.CreateIdentityAsync();
        var verifier = OidcTestClient.NewVerifier();

        var plain = await oidc.IssueCodeAsync(application, identityId, verifier, method: "plain");
        using var plainResponse = await oidc.RedeemAsync(application, plain, verifier);
        Assert.Equal(HttpStatusCode.OK, plainResponse.StatusCode);

        var s256 = await oidc.IssueCodeAsync(application, identityId, verifier);
        using var s256Response = await oidc.RedeemAsync(application, s256, verifier);
        Assert.Equal(HttpStatusCode.OK, s256Response.StatusCode);

        var none = await oidc.IssueCodeAsync(application, identityId, verifier: null);
        using var noneResponse = await oidc.RedeemAsync(application, none, verifier: null);
        await AssertOAuthErrorAsync(noneResponse, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Redeem_WrongClientOrSecret_Fails()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var other = await oidc.CreateApplicationAsync();
        var verifier = OidcTestClient.NewVerifier();
        var code = await oidc.IssueCodeAsync(application, identityId, verifier);

        // Another client of the same realm, at its own token endpoint.
        using (var foreign = await oidc.RedeemAsync(other, code, verifier))
        {
            await AssertOAuthErrorAsync(foreign, HttpStatusCode.BadRequest, "invalid_grant");
        }

        // Another client's credentials at this application's token endpoint.
        using (var borrowed = await oidc.RedeemAsync(application with { ClientId = other.ClientId, ClientSecret = other.ClientSecret }, code, verifier))
        {
            await AssertOAuthErrorAsync(borrowed, HttpStatusCode.Unauthorized, "invalid_client");
            Assert.Equal("Basic", Assert.Single(borrowed.Headers.WwwAuthenticate).Scheme);
        }

        using (var wrongSecret = await oidc.RedeemAsync(application with { ClientSecret = application.ClientSecret + "x" }, code, verifier))
        {
            await AssertOAuthErrorAsync(wrongSecret, HttpStatusCode.Unauthorized, "invalid_client");
        }

        using var right = await oidc.RedeemAsync(application, code, verifier);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Redeem_PublicClient_SendsClientIdAndVerifierOnly()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var application = await oidc.CreateApplicationAsync(
            $$"""{"type":"oidc","confidentiality":"public","grant_type":["authorization_code"],"redirect_uris":["{{OidcTestClient.RedirectUri}}"]}""");
        var identityId = await oidc.CreateIdentityAsync();
        var verifier = OidcTestClient.NewVerifier();
        var code = await oidc.IssueCodeAsync(application, identityId, verifier);
        List<KeyValuePair<string, string>> fields =
            [new("grant_type", "authorization_code"), new("code", code), new("code_verifier", verifier), new("redirect_uri", OidcTestClient.RedirectUri), new("client_id", application.ClientId)];

        using (var withSecret = await oidc.PostFormAsync($"{application.Path}/token", [.. fields, new("client_secret", "guess")]))
        {
            await AssertOAuthErrorAsync(withSecret, HttpStatusCode.Unauthorized, "invalid_client");
        }

        using var response = await oidc.PostFormAsync($"{application.Path}/token", fields);
        var tokens = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("id_token").GetString()));
    }

    [Fact]
    public async Task Redeem_IdentitySuspendedSinceSignIn_Fails()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var verifier = OidcTestClient.NewVerifier();
        var code = await oidc.IssueCodeAsync(application, identityId, verifier);
        using var client = server.CreateClient(oidc.Access.AccessToken);
        using var suspend = await client.PatchAsync($"{oidc.Access.RealmPath}/identities/{identityId}", Api.Json("""{"identity":{"status":"suspended"}}"""));
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);

        using var response = await oidc.RedeemAsync(application, code, verifier);

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Refresh_RotatesAndReuseRevokesTheFamily()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var first = await oidc.SignInAsync(application, identityId);
        var refresh1 = first.GetProperty("refresh_token").GetString()!;

        using var rotate = await oidc.RefreshAsync(application, refresh1, scope: "openid email");
        var second = await Api.ReadJsonAsync(rotate, expectedStatus: 200);
        var refresh2 = second.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(refresh1, refresh2);
        Assert.Equal("openid email", second.GetProperty("scope").GetString());
        var access2 = second.GetProperty("access_token").GetString()!;
        Assert.True((await oidc.IntrospectAsync(application, access2)).GetProperty("active").GetBoolean());
        Assert.False((await oidc.IntrospectAsync(application, refresh1)).GetProperty("active").GetBoolean());

        using var reuse = await oidc.RefreshAsync(application, refresh1);

        await AssertOAuthErrorAsync(reuse, HttpStatusCode.BadRequest, "invalid_grant");
        Assert.False((await oidc.IntrospectAsync(application, access2)).GetProperty("active").GetBoolean());
        Assert.False((await oidc.IntrospectAsync(application, first.GetProperty("access_token").GetString()!)).GetProperty("active").GetBoolean());
        using var afterReuse = await oidc.RefreshAsync(application, refresh2);
        await AssertOAuthErrorAsync(afterReuse, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Refresh_WiderScopeOrOtherClient_Fails()
    {
        var (oidc, application, identityId) = await ArrangeAsync();
        var other = await oidc.CreateApplicationAsync();
        var tokens = await oidc.SignInAsync(application, identityId, scope: "openid offline_access");
        var refresh = tokens.GetProperty("refresh_token").GetString()!;

        using (var wider = await oidc.RefreshAsync(application, refresh, scope: "openid email"))
        {
            await AssertOAuthErrorAsync(wider, HttpStatusCode.BadRequest, "invalid_scope");
        }

        using (var foreign = await oidc.RefreshAsync(other, refresh))
        {
            await AssertOAuthErrorAsync(foreign, HttpStatusCode.BadRequest, "invalid_grant");
        }

        using var right = await oidc.RefreshAsync(application, refresh);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Refresh_NotIssuedWithoutOfflineAccessOrWhereTheApplicationDoesNotAllowIt()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var noRefresh = await oidc.CreateApplicationAsync(
            $$"""{"type":"oidc","grant_type":["authorization_code"],"redirect_uris":["{{OidcTestClient.RedirectUri}}"]}""");
        var withRefresh = await oidc.CreateApplicationAsync();
        var identityId = await oidc.CreateIdentityAsync();

        Assert.False((await oidc.SignInAsync(noRefresh, identityId)).TryGetProperty("refresh_token", out _));
        Assert.False((await oidc.SignInAsync(withRefresh, identityId, scope: "openid")).TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Token_ErrorsFollowRfc6749()
    {
        var (oidc, application, _) = await ArrangeAsync();

        using (var json = await SendAsync(application.Path, Api.Json("""{"grant_type":"authorization_code"}""")))
        {
            await AssertOAuthErrorAsync(json, HttpStatusCode.BadRequest, "invalid_request");
        }

        using (var noCode = await oidc.PostFormAsync($"{application.Path}/token", [new("grant_type", "authorization_code"), new("redirect_uri", OidcTestClient.RedirectUri)], application.Basic))
        {
            await AssertOAuthErrorAsync(noCode, HttpStatusCode.BadRequest, "invalid_request");
        }

        using (var unknownCode = await oidc.RedeemAsync(application, "not-a-code", OidcTestClient.NewVerifier()))
        {
            await AssertOAuthErrorAsync(unknownCode, HttpStatusCode.BadRequest, "invalid_grant");
        }

        using (var clientCredentials = await oidc.PostFormAsync($"{application.Path}/token", [new("grant_type", "client_credentials")], application.Basic))
        {
            await AssertOAuthErrorAsync(clientCredentials, HttpStatusCode.BadRequest, "unauthorized_client");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string applicationPath, HttpContent content)
    {
        using var client = server.CreateClient(accessToken: null);
        return await client.PostAsync($"{applicationPath}/token", content);
    }

    private async Task<(OidcTestClient Oidc, TestApplication Application, string IdentityId)> ArrangeAsync()
    {
        var access = await server.CreateTenantAsync();
        var oidc = new OidcTestClient(server, access);
        var application = await oidc.CreateApplicationAsync();
        return (oidc, application, await oidc.CreateIdentityAsync());
    }

    /// <summary>RFC 6749 §5.2: <c>{"error", "error_description"}</c>, no token, and no caching.</summary>
    internal static async Task AssertOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await Api.ReadJsonAsync(response, (int)status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("error_description").ValueKind);
        Assert.False(body.TryGetProperty("access_token", out _));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    public sealed class Sqlite(SqliteServer server) : AuthorizationCodeGrantTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : AuthorizationCodeGrantTests(server), IClassFixture<PostgreSqlServer>;
}
