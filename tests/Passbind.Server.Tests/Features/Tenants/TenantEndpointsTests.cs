using System.Net;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Tenants;

/// <summary>The tenant resource (beyond-identity-api.md §3.1): get and patch, and their errors.</summary>
public abstract class TenantEndpointsTests(PassbindServer server)
{
    public static TheoryData<string, string> InvalidPatchBodies => new()
    {
        { """{"tenant":{"display_name":""}}""", "tenant.display_name" },
        { """{"tenant":{"display_name":"   "}}""", "tenant.display_name" },
        { """{"tenant":{"display_name":5}}""", "tenant.display_name" },
        { """{"tenant":{"display_name":["a"]}}""", "tenant.display_name" },
        { $$$$"""{"tenant":{"display_name":"{{{{new string('a', 65)}}}}"}}""", "tenant.display_name" },
        { """{"tenant":{"display_name":"<script>"}}""", "tenant.display_name" },
        { """{"tenant":{"display_name":"a\u0000b"}}""", "tenant.display_name" },
        { """{"tenant":{"display_name":"a\r\nforged"}}""", "tenant.display_name" },
        { """{"tenant":null}""", "tenant" },
        { """{"tenant":"x"}""", "tenant" },
        { """{}""", "tenant" },
    };

    public static TheoryData<string> MalformedBodies => MalformedJson.Bodies("""{"tenant":{"display_name":"a"}""");

    [Fact]
    public async Task Get_OwnTenant_ReturnsBareTenant()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.GetAsync($"/v1/tenants/{access.TenantId}");

        var tenant = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(tenant, "id", "display_name", "create_time", "update_time");
        Assert.Equal(access.TenantId, Wire.Id(tenant));
        Assert.Equal("Test Tenant", tenant.GetProperty("display_name").GetString());
        Wire.AssertTimestamp(tenant, "create_time");
        Wire.AssertTimestamp(tenant, "update_time");
    }

    [Fact]
    public async Task Get_BootstrapTenant_HasSpecIdFormat()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/v1/tenants/{server.Bootstrap.TenantId}");

        var tenant = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Matches("^0001[0-9a-f]{12}$", Wire.Id(tenant));
    }

    [Fact]
    public async Task Update_DisplayName_ChangesItAndUpdateTimeOnly()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        using var before = await client.GetAsync($"/v1/tenants/{access.TenantId}");
        var original = await Api.ReadJsonAsync(before, expectedStatus: 200);
        server.Time.Advance(TimeSpan.FromSeconds(3));

        using var response = await client.PatchAsync($"/v1/tenants/{access.TenantId}",
            Api.Json("""{"tenant":{"display_name":"Renamed Tenant","id":"0001ffffffffffff","create_time":"2000-01-01T00:00:00Z"}}"""));

        var updated = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(updated, "id", "display_name", "create_time", "update_time");
        Assert.Equal(access.TenantId, Wire.Id(updated));
        Assert.Equal("Renamed Tenant", updated.GetProperty("display_name").GetString());
        Assert.Equal(original.GetProperty("create_time").GetString(), updated.GetProperty("create_time").GetString());
        Assert.Equal(Wire.Time(original, "update_time") + TimeSpan.FromSeconds(3), Wire.Time(updated, "update_time"));
        using var after = await client.GetAsync($"/v1/tenants/{access.TenantId}");
        Assert.Equal(updated.ToString(), (await Api.ReadJsonAsync(after, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Update_EmptyTenantObject_ChangesNothing()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        using var before = await client.GetAsync($"/v1/tenants/{access.TenantId}");
        var original = await Api.ReadJsonAsync(before, expectedStatus: 200);

        using var response = await client.PatchAsync($"/v1/tenants/{access.TenantId}", Api.Json("""{"tenant":{}}"""));

        Assert.Equal(original.ToString(), (await Api.ReadJsonAsync(response, expectedStatus: 200)).ToString());
    }

    [Theory]
    [MemberData(nameof(InvalidPatchBodies))]
    public async Task Update_InvalidField_Returns400NamingFieldAndKeepsTenant(string body, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        using var before = await client.GetAsync($"/v1/tenants/{access.TenantId}");
        var original = await Api.ReadJsonAsync(before, expectedStatus: 200);

        using var response = await client.PatchAsync($"/v1/tenants/{access.TenantId}", Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        using var after = await client.GetAsync($"/v1/tenants/{access.TenantId}");
        Assert.Equal(original.ToString(), (await Api.ReadJsonAsync(after, expectedStatus: 200)).ToString());
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Update_MalformedJson_Returns400AndKeepsTenant(string body)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        using var before = await client.GetAsync($"/v1/tenants/{access.TenantId}");
        var original = await Api.ReadJsonAsync(before, expectedStatus: 200);

        using var response = await client.PatchAsync($"/v1/tenants/{access.TenantId}", Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request");
        using var after = await client.GetAsync($"/v1/tenants/{access.TenantId}");
        Assert.Equal(original.ToString(), (await Api.ReadJsonAsync(after, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Get_UnknownTenant_Returns404NotFound()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/v1/tenants/0001000000000000");

        await Api.AssertNotFoundAsync(response, "Tenant", "0001000000000000");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    public async Task Routes_AnotherTenantsToken_AnswerExactlyLikeRandomTenant(string method)
    {
        var victim = await server.CreateTenantAsync();
        var other = await server.CreateTenantAsync();
        using var intruder = server.CreateClient(other.AccessToken);
        const string randomId = "0001deadbeef0000";
        var body = method == "PATCH" ? """{"tenant":{"display_name":"taken over"}}""" : null;

        await Wire.AssertLikeRandomAsync(intruder, method, $"/v1/tenants/{victim.TenantId}", victim.TenantId, $"/v1/tenants/{randomId}", randomId, body);

        using var owner = server.CreateClient(victim.AccessToken);
        using var fetched = await owner.GetAsync($"/v1/tenants/{victim.TenantId}");
        Assert.Equal("Test Tenant", (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task Get_TokenWithoutTenantsRead_Returns403()
    {
        var access = await server.CreateTenantAsync(scopes: ["tenants:update"]);
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.GetAsync($"/v1/tenants/{access.TenantId}");

        await Api.AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Update_TokenWithoutTenantsUpdate_Returns403AndKeepsTenant()
    {
        var access = await server.CreateTenantAsync(scopes: ["tenants:read"]);
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PatchAsync($"/v1/tenants/{access.TenantId}", Api.Json("""{"tenant":{"display_name":"Renamed"}}"""));

        await Api.AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden");
        using var fetched = await client.GetAsync($"/v1/tenants/{access.TenantId}");
        Assert.Equal("Test Tenant", (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).GetProperty("display_name").GetString());
    }

    public sealed class Sqlite(SqliteServer server) : TenantEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : TenantEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
