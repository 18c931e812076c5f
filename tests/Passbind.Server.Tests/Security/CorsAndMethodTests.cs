using System.Net;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Catalogue #67: a preflight from an untrusted origin gets no CORS grant anywhere (never <c>*</c>), methods a route
/// does not serve answer 405, and <c>X-HTTP-Method-Override</c> changes nothing.
/// </summary>
public abstract class CorsAndMethodTests(PassbindServer server)
{
    private const string EvilOrigin = "https://evil.test";

    [Fact]
    public async Task Preflight_UntrustedOrigin_GetsNoCorsGrantOnAnyKindOfRoute()
    {
        using var ceremony = await BindingCeremonyClient.ForNewTenantAsync(server);
        var link = await ceremony.CreateLinkAsync();
        string[] paths =
        [
            link.OptionsPath,
            link.CompletePath,
            $"{ceremony.RealmPath}/identities",
            $"{ceremony.RealmPath}/transactions/unknown:authenticationContext",
            "/healthz",
        ];
        foreach (var path in paths)
        {
            foreach (var origin in new[] { EvilOrigin, "null" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Options, path);
                request.Headers.Add("Origin", origin);
                request.Headers.Add("Access-Control-Request-Method", "POST");
                request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
                using var response = await ceremony.Anonymous.SendAsync(request);

                Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), $"{path} from {origin} granted CORS");
                Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"), $"{path} from {origin} allowed credentials");
            }
        }

        // The trusted origin still gets its grant, for that origin only.
        using var trusted = new HttpRequestMessage(HttpMethod.Options, link.OptionsPath);
        trusted.Headers.Add("Origin", BindingCeremonyClient.PageOrigin);
        trusted.Headers.Add("Access-Control-Request-Method", "POST");
        using var granted = await ceremony.Anonymous.SendAsync(trusted);
        Assert.Equal(BindingCeremonyClient.PageOrigin, Assert.Single(granted.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Theory]
    [InlineData("TRACE")]
    [InlineData("PROPFIND")]
    [InlineData("PUT")]
    public async Task UnservedMethod_OnAServedRoute_Answers405(string method)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"{access.RealmPath}/identities"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_Get_Answers405()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(accessToken: null);

        using var response = await client.GetAsync($"{access.TokenPath}?grant_type=client_credentials&client_id={access.ClientId}&client_secret={access.ClientSecret}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task MethodOverrideHeader_IsIgnored()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        var identityPath = $"{access.RealmPath}/identities/{Wire.Id(identity)}";

        using var request = new HttpRequestMessage(HttpMethod.Post, identityPath) { Content = Api.Json("{}") };
        request.Headers.Add("X-HTTP-Method-Override", "DELETE");
        using var overridden = await client.SendAsync(request);
        using var still = await client.GetAsync(identityPath);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, overridden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    public sealed class Sqlite(SqliteServer server) : CorsAndMethodTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : CorsAndMethodTests(server), IClassFixture<PostgreSqlServer>;
}
