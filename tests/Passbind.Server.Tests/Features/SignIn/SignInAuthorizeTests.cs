using System.Net;
using System.Text.Json;
using System.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Passbind.Server.Features.Applications;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>
/// An application's authorize endpoint (docs/sign-in-protocol.md §1–2, issue 11): the client and its exact
/// redirect URI are checked first and a failure there is an error page, never a redirect (security catalogue #77,
/// #78); every later failure goes back to the client with its state; a good request starts a transaction and
/// sends the browser to the authenticator config's invoke URL with a signed request JWT.
/// </summary>
public abstract class SignInAuthorizeTests(PassbindServer server)
{
    [Fact]
    public async Task Authorize_GoodRequest_RedirectsToInvokeUrlWithSignedRequestJwt()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);

        using var response = await signIn.AuthorizeAsync(signIn.AuthorizeParameters());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{PassbindServerFactory.PublicBaseUrl}/bi-authenticate?request=", location, StringComparison.Ordinal);
        var link = AuthenticateLink.Parse(location);
        Assert.Equal(PassbindServerFactory.PublicBaseUrl, link.BaseUrl);
        Assert.Equal(signIn.TenantId, link.TenantId);
        Assert.Equal(signIn.RealmId, link.RealmId);
        Assert.Matches("^[A-Za-z0-9]{32}$", link.TransactionId);

        var header = link.Header;
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal($"{signIn.Issuer}/.well-known/jwks.json", header.GetProperty("jku").GetString());
        var payload = link.Payload;
        Assert.Equal(signIn.Issuer, payload.GetProperty("iss").GetString());
        Assert.Equal(signIn.Application.ClientId, payload.GetProperty("sub").GetString());
        Assert.Equal(JsonValueKind.Array, payload.GetProperty("aud").ValueKind);
        Assert.Equal(0, payload.GetProperty("aud").GetArrayLength());
        Assert.Equal("authenticate", payload.GetProperty("verb").GetString());
        Assert.Equal(600, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        Assert.False(string.IsNullOrEmpty(payload.GetProperty("jti").GetString()));
        var authn = payload.GetProperty("authn");
        Assert.Equal(signIn.Application.Id, authn.GetProperty("aid").GetString());
        Assert.Equal(SignInClient.RedirectUri, authn.GetProperty("redirect_uri").GetString());
        Assert.Equal("xyz-state", authn.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(authn.GetProperty("action").GetProperty("prove").GetProperty("nonce").GetString()));
        Assert.Equal("Unknown", payload.GetProperty("origin").GetProperty("geo").GetString());

        // Anyone can check the JWT with the key set its header points to.
        using var keys = await signIn.Browser.GetAsync($"{signIn.ApplicationPath}/.well-known/jwks.json");
        var keySet = new JsonWebKeySet(await keys.Content.ReadAsStringAsync());
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(link.Request, new TokenValidationParameters
        {
            IssuerSigningKeys = keySet.GetSigningKeys(),
            ValidIssuer = signIn.Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, $"the request JWT does not verify with the JWKS: {validation.Exception?.Message}");
    }

    [Fact]
    public async Task Authorize_ManualConfig_AnswersAuthenticateUrlAsJson()
    {
        using var management = server.CreateClient();
        var config = await CreateConfigAsync(management, server.Bootstrap.RealmPath, invocationType: "manual", invokeUrl: "https://app.example.com/");
        using var signIn = await SignInClient.ForBootstrapAsync(server, a => a.AuthenticatorConfigId = config);

        using var response = await signIn.AuthorizeAsync(signIn.AuthorizeParameters());

        var body = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(["authenticate_url"], body.EnumerateObject().Select(p => p.Name));
        var url = body.GetProperty("authenticate_url").GetString()!;
        Assert.StartsWith("https://app.example.com/bi-authenticate?request=", url, StringComparison.Ordinal);
        Assert.Equal(signIn.Application.Id, AuthenticateLink.Parse(url).Payload.GetProperty("authn").GetProperty("aid").GetString());
    }

    [Fact]
    public async Task Authorize_AppSchemeInvokeUrl_RedirectsToSchemeBiAuthenticate()
    {
        using var management = server.CreateClient();
        var config = await CreateConfigAsync(management, server.Bootstrap.RealmPath, invocationType: "automatic", invokeUrl: "myapp://");
        using var signIn = await SignInClient.ForBootstrapAsync(server, a => a.AuthenticatorConfigId = config);

        using var response = await signIn.AuthorizeAsync(signIn.AuthorizeParameters());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("myapp://bi-authenticate?request=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_GoodRequest_StoresTransactionWithWhatTheRequestAsked()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);

        var link = await signIn.StartAsync();

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var transaction = await db.SignInTransactions.AsNoTracking().SingleAsync(t => t.Id == link.TransactionId);
        Assert.Equal(signIn.Application.Id, transaction.ApplicationId);
        Assert.Equal(signIn.AuthenticatorConfigId, transaction.AuthenticatorConfigId);
        Assert.Equal(SignInClient.RedirectUri, transaction.RedirectUri);
        Assert.Equal("xyz-state", transaction.State);
        Assert.Equal("n-0S6_WzA2Mj", transaction.Nonce);
        Assert.Equal("openid", transaction.Scope);
        Assert.Equal(SignInClient.CodeChallenge, transaction.CodeChallenge);
        Assert.Equal("S256", transaction.CodeChallengeMethod);
        Assert.Equal(server.Time.GetUtcNow().AddMinutes(10), transaction.ExpireTime);
        Assert.Null(transaction.CompleteTime);
    }

    public static TheoryData<string> WrongRedirectUris => new(
        "https://app.example.com/callback/",
        "https://app.example.com/CALLBACK",
        "https://APP.example.com/callback",
        "https://app.example.com/callback?x=1",
        "https://app.example.com/callback#f",
        "http://app.example.com/callback",
        "https://app.example.com:444/callback",
        "https://app.example.com.evil.example/callback",
        "https://app.example.com/callback/../x",
        "https://app.example.com%2Fcallback",
        "https://evil.example/callback");

    [Theory]
    [MemberData(nameof(WrongRedirectUris))]
    public async Task Authorize_UnregisteredRedirectUri_ErrorPageWithoutRedirect(string redirectUri)
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var parameters = signIn.AuthorizeParameters();
        parameters["redirect_uri"] = redirectUri;

        using var response = await signIn.AuthorizeAsync(parameters);

        await AssertErrorPageAsync(response, "redirect_uri");
    }

    [Fact]
    public async Task Authorize_NoRedirectUri_ErrorPageWithoutRedirect()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var parameters = signIn.AuthorizeParameters();
        parameters["redirect_uri"] = null;

        using var response = await signIn.AuthorizeAsync(parameters);

        await AssertErrorPageAsync(response, "redirect_uri");
    }

    [Fact]
    public async Task Authorize_RedirectUriTwice_ErrorPageWithoutRedirect()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var query = string.Join('&', signIn.AuthorizeParameters().Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"))
            + $"&redirect_uri={Uri.EscapeDataString("https://evil.example/callback")}";

        using var response = await signIn.AuthorizeAsync(query);

        await AssertErrorPageAsync(response, "once");
    }

    [Fact]
    public async Task Authorize_UnknownClientId_ErrorPageWithoutRedirect()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var parameters = signIn.AuthorizeParameters();
        parameters["client_id"] = "not-a-client";

        using var response = await signIn.AuthorizeAsync(parameters);

        await AssertErrorPageAsync(response, "unknown");
    }

    [Fact]
    public async Task Authorize_AnotherApplicationsClientId_ErrorPageWithoutRedirect()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        using var other = await SignInClient.ForBootstrapAsync(server);
        var parameters = signIn.AuthorizeParameters();
        parameters["client_id"] = other.Application.ClientId;

        using var response = await signIn.AuthorizeAsync(parameters);

        await AssertErrorPageAsync(response, "unknown");
    }

    [Fact]
    public async Task Authorize_ApplicationOfAnotherRealm_ErrorPageWithoutRedirect()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        using var other = await SignInClient.ForNewTenantAsync(server);

        using var response = await signIn.Browser.GetAsync(
            $"{other.RealmPath}/applications/{signIn.Application.Id}/authorize?{Query(signIn.AuthorizeParameters())}");

        await AssertErrorPageAsync(response, "unknown");
    }

    [Fact]
    public async Task Authorize_ClientCredentialsOnlyApplication_ErrorPageWithoutRedirect()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server,
            a => a.GrantTypesJson = JsonSerializer.Serialize(new[] { ApplicationValues.ClientCredentialsGrant }));

        using var response = await signIn.AuthorizeAsync(signIn.AuthorizeParameters());

        await AssertErrorPageAsync(response, "unknown");
    }

    /// <summary>Every failure after the redirect URI is known good: the parameter change, and the RFC 6749 error code expected back.</summary>
    public static TheoryData<string, string> RedirectedErrors => new()
    {
        { "response_type=token", "unsupported_response_type" },
        { "response_type=", "invalid_request" },
        { "response_mode=fragment", "invalid_request" },
        { "scope=profile", "invalid_scope" },
        { "scope=openid admin", "invalid_scope" },
        { "code_challenge=", "invalid_request" },
        { "code_challenge_method=plain", "invalid_request" },
        { "code_challenge_method=", "invalid_request" },
        { "code_challenge_method=S512", "invalid_request" },
        { "code_challenge=too-short", "invalid_request" },
        { "prompt=none", "login_required" },
        { "request=eyJhbGciOiJub25lIn0.e30.", "request_not_supported" },
        { "request_uri=https://evil.example/r", "request_uri_not_supported" },
    };

    [Theory]
    [MemberData(nameof(RedirectedErrors))]
    public async Task Authorize_BadParameterAfterRedirectUri_RedirectsErrorWithState(string change, string error)
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var parameters = signIn.AuthorizeParameters();
        var (name, value) = (change[..change.IndexOf('=', StringComparison.Ordinal)], change[(change.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        parameters[name] = value.Length == 0 ? null : value;

        using var response = await signIn.AuthorizeAsync(parameters);

        AssertErrorRedirect(signIn, response, error);
    }

    [Fact]
    public async Task Authorize_RepeatedParameter_RedirectsInvalidRequest()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);

        using var response = await signIn.AuthorizeAsync($"{Query(signIn.AuthorizeParameters())}&nonce=second");

        AssertErrorRedirect(signIn, response, "invalid_request");
    }

    [Fact]
    public async Task Authorize_PublicClientWithPlainPkceSetting_StillRefusesPlain()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server, a =>
        {
            a.Confidentiality = ApplicationValues.Public;
            a.Pkce = ApplicationValues.PkcePlain;
        });
        var parameters = signIn.AuthorizeParameters();
        parameters["code_challenge"] = SignInClient.CodeVerifier;
        parameters["code_challenge_method"] = "plain";

        using var response = await signIn.AuthorizeAsync(parameters);

        AssertErrorRedirect(signIn, response, "invalid_request");
    }

    [Fact]
    public async Task Authorize_ConfidentialClientWithPlainPkce_AcceptsPlain()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server, a => a.Pkce = ApplicationValues.PkcePlain);

        var link = await signIn.StartAsync(p =>
        {
            p["code_challenge"] = SignInClient.CodeVerifier;
            p["code_challenge_method"] = "plain";
        });

        Assert.Equal(signIn.Application.Id, link.Payload.GetProperty("authn").GetProperty("aid").GetString());
    }

    [Fact]
    public async Task Authorize_PkceDisabledWithoutChallenge_Starts()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server, a => a.Pkce = ApplicationValues.PkceDisabled);

        var link = await signIn.StartAsync(p =>
        {
            p["code_challenge"] = null;
            p["code_challenge_method"] = null;
            p["state"] = null;
        });

        Assert.Equal(JsonValueKind.Null, link.Payload.GetProperty("authn").GetProperty("state").ValueKind);
    }

    [Fact]
    public async Task Authorize_OAuth2ApplicationWithoutOpenId_Starts()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server, a => a.ProtocolType = ApplicationValues.ProtocolOAuth2);

        var link = await signIn.StartAsync(p => p["scope"] = "pets:read");

        Assert.False(string.IsNullOrEmpty(link.TransactionId));
    }

    [Fact]
    public async Task Authorize_ApplicationWithoutAuthenticatorConfig_RedirectsServerError()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server, a => a.AuthenticatorConfigId = null);

        using var response = await signIn.AuthorizeAsync(signIn.AuthorizeParameters());

        AssertErrorRedirect(signIn, response, "server_error");
    }

    [Fact]
    public async Task Authorize_FromAnotherOrigin_AnswersNoCorsHeaders()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{signIn.ApplicationPath}/authorize?{Query(signIn.AuthorizeParameters())}");
        request.Headers.Add("Origin", SignInClient.PageOrigin);

        using var response = await signIn.Browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static async Task<string> CreateConfigAsync(HttpClient management, string realmPath, string invocationType, string invokeUrl)
    {
        var body = JsonSerializer.Serialize(new
        {
            authenticator_config = new
            {
                display_name = "Sign-in test config",
                config = new { type = "embedded", invoke_url = invokeUrl, invocation_type = invocationType, trusted_origins = new[] { SignInClient.PageOrigin } },
            },
        });
        using var response = await management.PostAsync($"{realmPath}/authenticator-configs", Api.Json(body));
        return (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("id").GetString()!;
    }

    private static async Task AssertErrorPageAsync(HttpResponseMessage response, string mentions)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This sign-in cannot start", html, StringComparison.Ordinal);
        Assert.Contains(mentions, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    private static void AssertErrorRedirect(SignInClient signIn, HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{SignInClient.RedirectUri}?", location, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(new Uri(location).Query);
        Assert.Equal(error, query["error"]);
        Assert.False(string.IsNullOrEmpty(query["error_description"]));
        Assert.Equal("xyz-state", query["state"]);
        Assert.Equal(signIn.Issuer, query["iss"]);
        Assert.Null(query["code"]);
    }

    private static string Query(IEnumerable<KeyValuePair<string, string?>> parameters) =>
        string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    public sealed class Sqlite(SqliteServer server) : SignInAuthorizeTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : SignInAuthorizeTests(server), IClassFixture<PostgreSqlServer>;
}
