using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Tokens;

/// <summary>The client-credentials token endpoint and the JWKS endpoint (product.md point 4; beyond-identity-api.md §2).</summary>
public abstract class TokenEndpointsTests(PassbindServer server)
{
    private BootstrapInfo Bootstrap => server.Bootstrap;

    [Fact]
    public async Task IssueToken_ClientSecretBasic_ReturnsJwtWithTenantRealmAndScope()
    {
        using var response = await RequestTokenAsync(basic: (Bootstrap.ClientId, Bootstrap.ClientSecret));

        var body = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.True(body.GetProperty("expires_in").GetInt64() > 0);
        var payload = Api.JwtPart(body.GetProperty("access_token").GetString()!, 1);
        Assert.Equal(Bootstrap.TenantId, payload.GetProperty("bi_t").GetString());
        Assert.Equal("*", payload.GetProperty("bi_r").GetString());
        var scopes = payload.GetProperty("scope").GetString()!.Split(' ');
        Assert.Contains("identities:create", scopes);
        Assert.Contains("credential-binding-jobs:create", scopes);
        Assert.Equal(body.GetProperty("scope").GetString(), payload.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task IssueToken_ClientSecretPost_ReturnsUsableToken()
    {
        using var response = await RequestTokenAsync(form: new() { ["client_id"] = Bootstrap.ClientId, ["client_secret"] = Bootstrap.ClientSecret });

        var body = await Api.ReadJsonAsync(response, expectedStatus: 200);
        var token = body.GetProperty("access_token").GetString()!;
        Assert.Equal(Bootstrap.TenantId, Api.JwtPart(token, 1).GetProperty("bi_t").GetString());
        using var client = server.CreateClient(token);
        using var list = await client.GetAsync($"{Bootstrap.RealmPath}/identities");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task IssueToken_WrongSecret_Returns401InvalidClient()
    {
        using var response = await RequestTokenAsync(basic: (Bootstrap.ClientId, Bootstrap.ClientSecret + "x"));

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task IssueToken_WrongClientId_Returns401InvalidClient()
    {
        using var response = await RequestTokenAsync(form: new() { ["client_id"] = "someone-else", ["client_secret"] = Bootstrap.ClientSecret });

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task IssueToken_OtherTenantsApplication_Returns401InvalidClient()
    {
        var other = await server.CreateTenantAsync();

        // The bootstrap credentials presented at the other tenant's application.
        using var response = await RequestTokenAsync(basic: (Bootstrap.ClientId, Bootstrap.ClientSecret), path: other.TokenPath);

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task IssueToken_NoCredentials_Returns401InvalidClient()
    {
        using var response = await RequestTokenAsync();

        await AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Theory]
    [InlineData("password")]
    [InlineData("urn:ietf:params:oauth:grant-type:device_code")]
    public async Task IssueToken_UnsupportedGrant_Returns400(string grantType)
    {
        using var response = await RequestTokenAsync(basic: (Bootstrap.ClientId, Bootstrap.ClientSecret), grantType: grantType);

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Theory]
    [InlineData("authorization_code")]
    [InlineData("refresh_token")]
    public async Task IssueToken_GrantTheApplicationDoesNotAllow_Returns400UnauthorizedClient(string grantType)
    {
        using var response = await RequestTokenAsync(basic: (Bootstrap.ClientId, Bootstrap.ClientSecret), grantType: grantType);

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "unauthorized_client");
    }

    [Fact]
    public async Task IssueToken_JsonBody_Returns400InvalidRequest()
    {
        using var client = server.CreateClient(accessToken: null);

        using var response = await client.PostAsync(Bootstrap.TokenPath, Api.Json("""{"grant_type":"client_credentials"}"""));

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task IssueToken_NarrowerScope_GrantsOnlyThatScope()
    {
        using var response = await RequestTokenAsync(basic: (Bootstrap.ClientId, Bootstrap.ClientSecret), scope: "identities:read");

        var body = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal("identities:read", body.GetProperty("scope").GetString());
        Assert.Equal("identities:read", Api.JwtPart(body.GetProperty("access_token").GetString()!, 1).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task IssueToken_ScopeNotAllowed_Returns400InvalidScope()
    {
        using var response = await RequestTokenAsync(basic: (Bootstrap.ClientId, Bootstrap.ClientSecret), scope: "identities:read admin:everything");

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task IssueToken_ReadOnlyScope_CannotCreateIdentity()
    {
        var token = await server.RequestTokenAsync(Bootstrap.TokenPath, Bootstrap.ClientId, Bootstrap.ClientSecret, ["identities:read"]);
        using var client = server.CreateClient(token);
        var username = PassbindServer.NewUsername();

        using var create = await client.PostAsync($"{Bootstrap.RealmPath}/identities", Api.Json(Api.SeedIdentityBody(username)));
        using var list = await client.GetAsync($"{Bootstrap.RealmPath}/identities?filter=" + Uri.EscapeDataString($"traits.username eq \"{username}\""));

        await Api.AssertErrorAsync(create, HttpStatusCode.Forbidden, "forbidden");
        var found = await Api.ReadJsonAsync(list, expectedStatus: 200);
        Assert.Equal(0, found.GetProperty("total_size").GetInt32());
    }

    [Fact]
    public async Task IssueToken_ShortExpirationTime_TokenRejectedAfterItExpires()
    {
        using var response = await RequestTokenAsync(basic: (Bootstrap.ClientId, Bootstrap.ClientSecret), extra: new() { ["expiration_time"] = "60" });
        var body = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(60, body.GetProperty("expires_in").GetInt64());
        using var client = server.CreateClient(body.GetProperty("access_token").GetString());

        using var before = await client.GetAsync($"{Bootstrap.RealmPath}/identities");
        server.Time.Advance(TimeSpan.FromSeconds(61));
        using var after = await client.GetAsync($"{Bootstrap.RealmPath}/identities");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await Api.AssertErrorAsync(after, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task GetKeySet_AfterIssue_ServesKeyWhoseKidMatchesAndVerifiesToken()
    {
        using var response = await RequestTokenAsync(basic: (Bootstrap.ClientId, Bootstrap.ClientSecret));
        var token = (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("access_token").GetString()!;
        var header = Api.JwtPart(token, 0);
        using var client = server.CreateClient(accessToken: null);

        using var jwksResponse = await client.GetAsync($"{Bootstrap.RealmPath}/applications/{Bootstrap.ManagementApplicationId}/.well-known/jwks.json");

        var jwks = await Api.ReadJsonAsync(jwksResponse, expectedStatus: 200);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        var kid = header.GetProperty("kid").GetString();
        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == kid);
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the JWKS must not publish the private exponent");
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(key.GetProperty("n").GetString()),
            Exponent = Base64Url.DecodeFromChars(key.GetProperty("e").GetString()),
        });
        var parts = token.Split('.');
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task IssueToken_ServerRestartsOnSameStorage_TokenStillAccepted()
    {
        await using var storage = await TestStorage.CreateAsync(server.Database);
        string token;
        string realmPath;
        await using (var first = new PassbindServerFactory(storage, server.Time))
        {
            var bootstrap = first.ReadBootstrap();
            realmPath = bootstrap.RealmPath;
            using var client = first.CreateApiClient(accessToken: null);
            using var request = new HttpRequestMessage(HttpMethod.Post, bootstrap.TokenPath)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = bootstrap.ClientId,
                    ["client_secret"] = bootstrap.ClientSecret,
                }),
            };
            using var response = await client.SendAsync(request);
            token = (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("access_token").GetString()!;
        }

        await using var second = new PassbindServerFactory(storage, server.Time);
        using var restarted = second.CreateApiClient(token);
        using var list = await restarted.GetAsync($"{realmPath}/identities");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(
        (string Id, string Secret)? basic = null,
        Dictionary<string, string>? form = null,
        string grantType = "client_credentials",
        string? scope = null,
        Dictionary<string, string>? extra = null,
        string? path = null)
    {
        using var client = server.CreateClient(accessToken: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, path ?? Bootstrap.TokenPath);
        if (basic is var (id, secret))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        }

        var fields = new Dictionary<string, string>(form ?? []) { ["grant_type"] = grantType };
        if (scope is not null)
        {
            fields["scope"] = scope;
        }

        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        request.Content = new FormUrlEncodedContent(fields);
        return await client.SendAsync(request);
    }

    /// <summary>RFC 6749 §5.2: <c>{"error", "error_description"}</c>.</summary>
    private static async Task AssertOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await Api.ReadJsonAsync(response, (int)status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    public sealed class Sqlite(SqliteServer server) : TokenEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : TokenEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
