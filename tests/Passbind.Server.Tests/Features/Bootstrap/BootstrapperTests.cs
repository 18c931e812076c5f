using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;

namespace Passbind.Server.Tests.Features.Bootstrap;

/// <summary>The first start on empty storage, and later starts (product.md fixed point 3).</summary>
public abstract class BootstrapperTests(PassbindServer server)
{
    private static readonly string[] RequiredFields =
    [
        "api_base_url", "auth_base_url", "tenant_id", "realm_id", "authenticator_config_id",
        "management_application_id", "client_id", "client_secret", "api_token",
    ];

    [Fact]
    public void Run_EmptyStorage_WritesEveryFieldOfBootstrapJson()
    {
        var path = Path.Combine(server.Storage.DataDirectory, BootstrapInfo.FileName);
        using var file = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));

        foreach (var field in RequiredFields)
        {
            Assert.True(file.RootElement.TryGetProperty(field, out var value), $"bootstrap.json lacks {field}");
            Assert.False(string.IsNullOrWhiteSpace(value.GetString()), $"bootstrap.json has an empty {field}");
        }

        Assert.Equal(PassbindServerFactory.PublicBaseUrl, server.Bootstrap.ApiBaseUrl);
        Assert.Equal(PassbindServerFactory.PublicBaseUrl, server.Bootstrap.AuthBaseUrl);
        Assert.Matches("^0001[0-9a-f]{12}$", server.Bootstrap.TenantId);
        if (!OperatingSystem.IsWindows())
        {
            // It holds a client secret and a token.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Run_EmptyStorage_ApiTokenHasEveryScopeForAtLeastADay()
    {
        var payload = Api.JwtPart(server.Bootstrap.ApiToken, 1);
        var scopes = payload.GetProperty("scope").GetString()!.Split(' ');
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"{server.Bootstrap.RealmPath}/identities");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(server.Bootstrap.TenantId, payload.GetProperty("bi_t").GetString());
        foreach (var scope in Passbind.Server.Authorization.Scopes.All)
        {
            Assert.Contains(scope, scopes);
        }

        var lifetime = payload.GetProperty("exp").GetInt64() - server.Time.GetUtcNow().ToUnixTimeSeconds();
        Assert.True(lifetime >= TimeSpan.FromHours(24).TotalSeconds, $"the api_token expires in {lifetime} s");
    }

    [Fact]
    public async Task Run_EmptyStorage_CreatesTheResourcesTheFileNames()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var bootstrap = server.Bootstrap;

        Assert.True(await db.Tenants.AnyAsync(t => t.Id == bootstrap.TenantId));
        Assert.True(await db.Realms.AnyAsync(r => r.Id == bootstrap.RealmId && r.TenantId == bootstrap.TenantId));
        Assert.True(await db.Applications.AnyAsync(a => a.Id == bootstrap.ManagementApplicationId && a.RealmId == bootstrap.RealmId && a.ClientId == bootstrap.ClientId));
        var config = await db.AuthenticatorConfigs.SingleAsync(c => c.Id == bootstrap.AuthenticatorConfigId);
        Assert.Equal("embedded", config.Type);
        Assert.Equal(bootstrap.RealmId, config.RealmId);
    }

    [Fact]
    public async Task Run_EmptyStorage_ClientCredentialsGetAToken()
    {
        var token = await server.RequestTokenAsync(server.Bootstrap.TokenPath, server.Bootstrap.ClientId, server.Bootstrap.ClientSecret);

        Assert.Equal(server.Bootstrap.TenantId, Api.JwtPart(token, 1).GetProperty("bi_t").GetString());
    }

    [Fact]
    public void Start_ConfiguredProvider_UsesThatDatabase()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();

        var expected = server.Database == TestDatabase.PostgreSql ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
        Assert.Equal(expected, db.Database.ProviderName);
        Assert.Equal(server.Database == TestDatabase.Sqlite, File.Exists(Path.Combine(server.Storage.DataDirectory, "passbind.db")));
    }

    [Fact]
    public async Task Run_Restart_KeepsIdsAndSecret()
    {
        await using var storage = await TestStorage.CreateAsync(server.Database);
        BootstrapInfo first;
        await using (var factory = new PassbindServerFactory(storage, server.Time))
        {
            first = factory.ReadBootstrap();
        }

        await using var restarted = new PassbindServerFactory(storage, server.Time);
        var second = restarted.ReadBootstrap();
        using var client = restarted.CreateApiClient(second.ApiToken);
        using var response = await client.GetAsync($"{second.RealmPath}/identities");

        Assert.Equal(first.TenantId, second.TenantId);
        Assert.Equal(first.RealmId, second.RealmId);
        Assert.Equal(first.AuthenticatorConfigId, second.AuthenticatorConfigId);
        Assert.Equal(first.ManagementApplicationId, second.ManagementApplicationId);
        Assert.Equal(first.ClientId, second.ClientId);
        Assert.Equal(first.ClientSecret, second.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var scope = restarted.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PassbindDbContext>().Tenants.CountAsync());
    }

    public sealed class Sqlite(SqliteServer server) : BootstrapperTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : BootstrapperTests(server), IClassFixture<PostgreSqlServer>;
}
