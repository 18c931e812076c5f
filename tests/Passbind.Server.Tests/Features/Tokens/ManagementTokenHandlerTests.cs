using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Tokens;

/// <summary>
/// Bearer authentication of the management API (security catalogue #54, #55, #57): every route under
/// <c>/v1/tenants</c> except an explicit anonymous allowlist answers 401, <c>WWW-Authenticate: Bearer</c> and
/// <c>{code, message}</c> without a valid token, and never a 5xx.
/// </summary>
public abstract partial class ManagementTokenHandlerTests(PassbindServer server)
{
    /// <summary>
    /// Routes under /v1/tenants that are anonymous by design. A new anonymous route must be added here on
    /// purpose (catalogue #54: "an explicit anonymous allowlist"), or <see cref="AnonymousRoutes_UnderTenants_AreOnlyTheAllowlist"/> fails.
    /// </summary>
    private static readonly string[] AnonymousRouteSuffixes =
    [
        "/applications/{application_id}/token",
        "/applications/{application_id}/.well-known/jwks.json",

        // An application's OpenID Connect endpoints: authorized by its client credentials or a user's access token.
        "/applications/{application_id}/.well-known/openid-configuration",
        "/applications/{application_id}/userinfo",
        "/applications/{application_id}/introspect",
        "/applications/{application_id}/revoke",
        "/realms/{realm_id}/introspect",

        // Sign-in: authorize checks the client and its redirect URI; a transaction's calls are authorized by its
        // signed request JWT (docs/architecture.md), never by a management token.
        "/applications/{application_id}/authorize",
        "/transactions/{transaction_id}:authenticationContext",
        "/transactions/{transaction_id}:authenticationOptions",
        "/transactions/{transaction_id}:completeAuthentication",
        "/transactions/{transaction_id}:authenticateOtp",
        "/transactions/{transaction_id}:redeemOtp",

        // Authorized by the passkey binding token of a one-time code sign-in (docs/sign-in-protocol.md §6), checked
        // by the handler: the application's issuer, unexpired, for an identity that has no active passkey yet.
        "/applications/{application_id}/credential-binding-jobs",

        // The binding link's own endpoints: authorized by the link's token, never by a management token.
        "/credential-binding-jobs/{job_id}:invokeAuthenticator",
        "/credential-binding-jobs/{job_id}:registrationOptions",
        "/credential-binding-jobs/{job_id}:completeRegistration",
    ];

    private BootstrapInfo Bootstrap => server.Bootstrap;

    public static TheoryData<string> MalformedAuthorizationHeaders => new()
    {
        "Bearer",
        "Bearer ",
        "Basic dXNlcjpwYXNz",
        "Bearer  {token}",
        "Bearer {token} extra",
        "Token {token}",
        "Bearer not-a-jwt",
        "Bearer eyJhbGciOiJub25lIn0.eyJiaV90IjoiMDAwMSJ9.",
        "Bearer " + new string('a', 16 * 1024),
        "Bearer {token}\0",
        "Bearer {token-tampered}",
    };

    [Fact]
    public async Task ManagementRoutes_WithoutToken_Return401WithBearerChallenge()
    {
        var routes = ManagementRoutes();
        Assert.NotEmpty(routes);
        using var client = server.CreateClient(accessToken: null);

        foreach (var (method, path) in routes)
        {
            using var request = NewRequest(method, path);
            using var response = await client.SendAsync(request);

            await AssertUnauthorizedAsync(response, $"{method} {path}");
        }
    }

    [Fact]
    public async Task ManagementRoutes_WithForgedToken_Return401WithBearerChallenge()
    {
        using var client = server.CreateClient(Tamper(Bootstrap.ApiToken));

        foreach (var (method, path) in ManagementRoutes())
        {
            using var request = NewRequest(method, path);
            using var response = await client.SendAsync(request);

            await AssertUnauthorizedAsync(response, $"{method} {path}");
        }
    }

    [Fact]
    public void AnonymousRoutes_UnderTenants_AreOnlyTheAllowlist()
    {
        var anonymous = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!)
            .Where(pattern => !AnonymousRouteSuffixes.Any(suffix => pattern.EndsWith(suffix, StringComparison.Ordinal)))
            .ToList();

        Assert.True(anonymous.Count == 0, $"anonymous routes not in the allowlist: {string.Join(", ", anonymous)}");
    }

    [Theory]
    [MemberData(nameof(MalformedAuthorizationHeaders))]
    public async Task ListIdentities_MalformedAuthorization_Returns401(string header)
    {
        var value = header.Replace("{token-tampered}", Tamper(Bootstrap.ApiToken), StringComparison.Ordinal)
            .Replace("{token}", Bootstrap.ApiToken, StringComparison.Ordinal);

        // Straight into the server's HttpContext: HttpClient would normalise the header (a double space, say).
        var context = await server.Factory.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = $"{Bootstrap.RealmPath}/identities";
            http.Request.Headers.Authorization = value;
        });

        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        var what = header.Length > 64 ? header[..64] : header;
        Assert.True(context.Response.StatusCode == 401, $"{what} answered {context.Response.StatusCode}: {body}");
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal("""{"code":"unauthorized","message":"unauthorized"}""", body);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task ListIdentities_SchemeInAnotherCase_Returns200(string scheme)
    {
        using var client = server.CreateClient(accessToken: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Bootstrap.RealmPath}/identities");
        Assert.True(request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {Bootstrap.ApiToken}"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ListIdentities_TokenInQueryString_Returns401()
    {
        using var client = server.CreateClient(accessToken: null);

        using var response = await client.GetAsync($"{Bootstrap.RealmPath}/identities?access_token={Uri.EscapeDataString(Bootstrap.ApiToken)}");

        await AssertUnauthorizedAsync(response, "access_token in the query");
    }

    [Fact]
    public async Task CreateIdentity_TokenInFormField_Returns401()
    {
        using var client = server.CreateClient(accessToken: null);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["access_token"] = Bootstrap.ApiToken });

        using var response = await client.PostAsync($"{Bootstrap.RealmPath}/identities", form);

        await AssertUnauthorizedAsync(response, "access_token in a form field");
    }

    /// <summary>Every (method, path) of a management route, its parameters filled with the bootstrap tenant's ids.</summary>
    private List<(string Method, string Path)> ManagementRoutes() =>
        Endpoints()
            .Where(e => !AnonymousRouteSuffixes.Any(suffix => e.RoutePattern.RawText!.EndsWith(suffix, StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, FillParameters(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();

    private List<RouteEndpoint> Endpoints() =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("v1/tenants", StringComparison.Ordinal) == true)
            .ToList();

    private string FillParameters(string pattern)
    {
        var path = RouteParameter().Replace(pattern, match => match.Groups["name"].Value switch
        {
            "tenant_id" => Bootstrap.TenantId,
            "realm_id" => Bootstrap.RealmId,
            "application_id" => Bootstrap.ManagementApplicationId,
            "authenticator_config_id" => Bootstrap.AuthenticatorConfigId,
            _ => "0123456789abcdef",
        });
        return path.StartsWith('/') ? path : "/" + path;
    }

    private static HttpRequestMessage NewRequest(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = Api.Json("{}");
        }

        return request;
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what} answered {(int)response.StatusCode}: {body}");
        Assert.True(response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"), $"{what}: no WWW-Authenticate: Bearer");
        Assert.Equal("""{"code":"unauthorized","message":"unauthorized"}""", body);
    }

    /// <summary>The token with one character of its signature changed.</summary>
    private static string Tamper(string token)
    {
        var last = token[^2];
        return token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];
    }

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    public sealed class Sqlite(SqliteServer server) : ManagementTokenHandlerTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ManagementTokenHandlerTests(server), IClassFixture<PostgreSqlServer>;
}
