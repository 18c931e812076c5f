using System.Net;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Issue 13 finding 10: writes to the tenant itself or to its set of realms need a tenant-wide token; a token bound
/// to one realm gets 403 whatever its scopes, and nothing changes.
/// </summary>
public abstract class TenantLevelWriteTests(PassbindServer server)
{
    [Fact]
    public async Task PatchTenant_RealmBoundToken_Returns403AndKeepsTheName()
    {
        var tenant = await server.CreateTenantAsync();
        var scoped = await server.CreateRealmAsync(tenant.TenantId, realmOnlyToken: true);
        using var client = server.CreateClient(scoped.AccessToken);

        using var response = await client.PatchAsync($"/v1/tenants/{tenant.TenantId}", Api.Json("""{"tenant":{"display_name":"Taken Over"}}"""));

        await Api.AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden");
        using var owner = server.CreateClient(tenant.AccessToken);
        using var fetched = await owner.GetAsync($"/v1/tenants/{tenant.TenantId}");
        Assert.Equal("Test Tenant", (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task DeleteOwnRealm_RealmBoundToken_Returns403AndKeepsTheRealm()
    {
        var tenant = await server.CreateTenantAsync();
        var scoped = await server.CreateRealmAsync(tenant.TenantId, realmOnlyToken: true);
        using var client = server.CreateClient(scoped.AccessToken);

        using var response = await client.DeleteAsync(scoped.RealmPath);

        await Api.AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden");
        using var owner = server.CreateClient(tenant.AccessToken);
        using var fetched = await owner.GetAsync(scoped.RealmPath);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
    }

    [Fact]
    public async Task PatchTenant_TenantWideToken_Renames()
    {
        var tenant = await server.CreateTenantAsync();
        using var client = server.CreateClient(tenant.AccessToken);

        using var response = await client.PatchAsync($"/v1/tenants/{tenant.TenantId}", Api.Json("""{"tenant":{"display_name":"Renamed"}}"""));

        Assert.Equal("Renamed", (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("display_name").GetString());
    }

    public sealed class Sqlite(SqliteServer server) : TenantLevelWriteTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : TenantLevelWriteTests(server), IClassFixture<PostgreSqlServer>;
}
