using System.Net;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Realms;

/// <summary>The realms resource (beyond-identity-api.md §3.2): create, get, list, patch, delete, and their errors.</summary>
public abstract class RealmEndpointsTests(PassbindServer server)
{
    private const string RandomId = "00000000deadbeef";

    public static TheoryData<string, string> InvalidCreateBodies => new()
    {
        { """{"realm":{"classification":"SECURE_CUSTOMER"}}""", "realm.display_name" },
        { """{"realm":{"display_name":""}}""", "realm.display_name" },
        { """{"realm":{"display_name":"  "}}""", "realm.display_name" },
        { """{"realm":{"display_name":7}}""", "realm.display_name" },
        { $$$$"""{"realm":{"display_name":"{{{{new string('r', 65)}}}}"}}""", "realm.display_name" },
        { """{"realm":{"display_name":"a/b"}}""", "realm.display_name" },
        { """{"realm":{"display_name":"evil\u202Egnp"}}""", "realm.display_name" },
        { """{"realm":{"display_name":"Realm","classification":"SECURE_WORFORCE"}}""", "realm.classification" },
        { """{"realm":{"display_name":"Realm","classification":"secure_customer"}}""", "realm.classification" },
        { """{"realm":{"display_name":"Realm","classification":3}}""", "realm.classification" },
        { """{"realm":null}""", "realm" },
        { """{"realm":[]}""", "realm" },
        { """{}""", "realm" },
    };

    public static TheoryData<string> MalformedBodies => MalformedJson.Bodies(
        """{"realm":{"display_name":"a","display_name":"b"}}""",
        new string('[', 10_000) + new string(']', 10_000));

    public static TheoryData<string, string> InvalidListQueries => ListQueries.Invalid("display_name%20eq%20%22x%22");

    [Fact]
    public async Task Create_DisplayNameAndClassification_Returns200WithBareRealm()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync($"/v1/tenants/{access.TenantId}/realms",
            Api.Json("""{"realm":{"display_name":"Test Realm","classification":"SECURE_WORKFORCE","id":"chosen0000000000","tenant_id":"0001ffffffffffff"}}"""));

        var realm = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(realm, "id", "tenant_id", "display_name", "classification", "create_time", "update_time");
        Assert.Matches("^[0-9a-f]{16}$", Wire.Id(realm));
        Assert.Equal(access.TenantId, realm.GetProperty("tenant_id").GetString());
        Assert.Equal("Test Realm", realm.GetProperty("display_name").GetString());
        Assert.Equal("SECURE_WORKFORCE", realm.GetProperty("classification").GetString());
        Wire.AssertTimestamp(realm, "create_time");
        Assert.Equal(realm.GetProperty("create_time").GetString(), realm.GetProperty("update_time").GetString());
    }

    [Fact]
    public async Task Create_WithoutClassification_OmitsIt()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync($"/v1/tenants/{access.TenantId}/realms", Api.Json("""{"realm":{"display_name":"Plain"}}"""));

        var realm = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(realm, "id", "tenant_id", "display_name", "create_time", "update_time");
    }

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task Create_InvalidField_Returns400NamingFieldAndStoresNothing(string body, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var realms = $"/v1/tenants/{access.TenantId}/realms";
        var before = await Api.CountAsync(client, realms);

        using var response = await client.PostAsync(realms, Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        Assert.Equal(before, await Api.CountAsync(client, realms));
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Create_MalformedJson_Returns400AndStoresNothing(string body)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var realms = $"/v1/tenants/{access.TenantId}/realms";
        var before = await Api.CountAsync(client, realms);

        using var response = await client.PostAsync(realms, Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal(before, await Api.CountAsync(client, realms));
    }

    [Fact]
    public async Task Get_Created_ReturnsSameRealm()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateRealmAsync(client, access.TenantId);

        using var response = await client.GetAsync($"/v1/tenants/{access.TenantId}/realms/{Wire.Id(created)}");

        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(response, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Get_Unknown_Returns404NotFound()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/v1/tenants/{server.Bootstrap.TenantId}/realms/{RandomId}");

        await Api.AssertNotFoundAsync(response, "Realm", RandomId);
    }

    [Fact]
    public async Task List_SeveralPages_ReturnsEveryRealmOnceWithTotalSize()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var expected = new List<string> { access.RealmId };
        for (var i = 0; i < 4; i++)
        {
            expected.Add(Wire.Id(await CreateRealmAsync(client, access.TenantId)));
        }

        await Wire.AssertPagesCoverAsync(client, $"/v1/tenants/{access.TenantId}/realms", "realms", expected);
    }

    [Fact]
    public async Task List_PageSizeAboveMaximum_IsClampedTo200()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        var page = await Wire.ListAsync(client, $"/v1/tenants/{access.TenantId}/realms", "realms", "page_size=500");

        Assert.Single(page.Items);
        Assert.Equal(1, page.TotalSize);
        Assert.Null(page.NextPageToken);
    }

    [Theory]
    [MemberData(nameof(InvalidListQueries))]
    public async Task List_InvalidQuery_Returns400NamingParameter(string query, string field)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/v1/tenants/{server.Bootstrap.TenantId}/realms?{query}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
    }

    [Fact]
    public async Task List_PageTokenOfAnotherTenant_Returns400()
    {
        var other = await server.CreateTenantAsync();
        using var otherClient = server.CreateClient(other.AccessToken);
        await CreateRealmAsync(otherClient, other.TenantId);
        var foreignToken = await Wire.FirstPageTokenAsync(otherClient, $"/v1/tenants/{other.TenantId}/realms", "realms");
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        await CreateRealmAsync(client, access.TenantId);

        using var response = await client.GetAsync($"/v1/tenants/{access.TenantId}/realms?page_token={Uri.EscapeDataString(foreignToken)}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "page_token");
    }

    [Fact]
    public async Task List_PageTokenOfAnotherCollection_Returns400()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        await CreateRealmAsync(client, access.TenantId);
        var identitiesToken = await Wire.FirstPageTokenAsync(client, $"{access.RealmPath}/identities", "identities");

        using var response = await client.GetAsync($"/v1/tenants/{access.TenantId}/realms?page_token={Uri.EscapeDataString(identitiesToken)}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "page_token");
    }

    [Fact]
    public async Task Update_DisplayName_ChangesOnlyItAndUpdateTime()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateRealmAsync(client, access.TenantId, classification: "SECURE_CUSTOMER");
        server.Time.Advance(TimeSpan.FromSeconds(2));

        using var response = await client.PatchAsync($"/v1/tenants/{access.TenantId}/realms/{Wire.Id(created)}",
            Api.Json("""{"realm":{"display_name":"Renamed","id":"ffffffffffffffff"}}"""));

        var updated = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(Wire.Id(created), Wire.Id(updated));
        Assert.Equal("Renamed", updated.GetProperty("display_name").GetString());
        Assert.Equal("SECURE_CUSTOMER", updated.GetProperty("classification").GetString());
        Assert.Equal(created.GetProperty("create_time").GetString(), updated.GetProperty("create_time").GetString());
        Assert.Equal(Wire.Time(created, "update_time") + TimeSpan.FromSeconds(2), Wire.Time(updated, "update_time"));
        using var fetched = await client.GetAsync($"/v1/tenants/{access.TenantId}/realms/{Wire.Id(created)}");
        Assert.Equal(updated.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Theory]
    [InlineData("""{"realm":{"display_name":""}}""", "realm.display_name")]
    [InlineData("""{"realm":{"display_name":false}}""", "realm.display_name")]
    [InlineData("""{"realm":{"classification":"SECURE_NOTHING"}}""", "realm.classification")]
    [InlineData("""{"realm":null}""", "realm")]
    public async Task Update_InvalidField_Returns400AndKeepsRealm(string body, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateRealmAsync(client, access.TenantId);
        var path = $"/v1/tenants/{access.TenantId}/realms/{Wire.Id(created)}";

        using var response = await client.PatchAsync(path, Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        using var fetched = await client.GetAsync(path);
        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Update_Unknown_Returns404()
    {
        using var client = server.CreateClient();

        using var response = await client.PatchAsync($"/v1/tenants/{server.Bootstrap.TenantId}/realms/{RandomId}", Api.Json("""{"realm":{"display_name":"x"}}"""));

        await Api.AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Delete_EmptyRealm_Returns200EmptyBodyThen404()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateRealmAsync(client, access.TenantId);
        var path = $"/v1/tenants/{access.TenantId}/realms/{Wire.Id(created)}";

        using var response = await client.DeleteAsync(path);
        using var again = await client.GetAsync(path);
        using var deleteAgain = await client.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await Api.AssertErrorAsync(again, HttpStatusCode.NotFound, "not_found");
        await Api.AssertErrorAsync(deleteAgain, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(1, await Api.CountAsync(client, $"/v1/tenants/{access.TenantId}/realms"));
    }

    [Fact]
    public async Task Delete_RealmWithIdentities_Returns409RealmHasChildrenAndKeepsIt()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateRealmAsync(client, access.TenantId);
        var realmPath = $"/v1/tenants/{access.TenantId}/realms/{Wire.Id(created)}";
        var identity = await PassbindServer.CreateIdentityAsync(client, realmPath);

        using var response = await client.DeleteAsync(realmPath);

        var error = await Api.AssertErrorAsync(response, HttpStatusCode.Conflict, "conflict");
        Assert.Equal("realm has children", error.GetProperty("message").GetString());
        using var fetched = await client.GetAsync(realmPath);
        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
        using var identityFetched = await client.GetAsync($"{realmPath}/identities/{Wire.Id(identity)}");
        Assert.Equal(HttpStatusCode.OK, identityFetched.StatusCode);
    }

    [Fact]
    public async Task Delete_AfterItsIdentitiesAreDeleted_Returns200()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateRealmAsync(client, access.TenantId);
        var realmPath = $"/v1/tenants/{access.TenantId}/realms/{Wire.Id(created)}";
        var identity = await PassbindServer.CreateIdentityAsync(client, realmPath);
        using var deletedIdentity = await client.DeleteAsync($"{realmPath}/identities/{Wire.Id(identity)}");
        Assert.Equal(HttpStatusCode.OK, deletedIdentity.StatusCode);

        using var response = await client.DeleteAsync(realmPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Routes_AnotherTenantsToken_AnswerExactlyLikeRandomIds(string method)
    {
        var victim = await server.CreateTenantAsync();
        using var owner = server.CreateClient(victim.AccessToken);
        var created = await CreateRealmAsync(owner, victim.TenantId);
        var realId = Wire.Id(created);
        var other = await server.CreateTenantAsync();
        using var intruder = server.CreateClient(other.AccessToken);
        var body = method == "PATCH" ? """{"realm":{"display_name":"taken over"}}""" : null;

        // The first tenant's path, then the intruder's own tenant path with the first tenant's realm id.
        await Wire.AssertLikeRandomAsync(intruder, method,
            $"/v1/tenants/{victim.TenantId}/realms/{realId}", victim.TenantId, $"/v1/tenants/0001deadbeef0000/realms/{realId}", "0001deadbeef0000", body);
        await Wire.AssertLikeRandomAsync(intruder, method,
            $"/v1/tenants/{other.TenantId}/realms/{realId}", realId, $"/v1/tenants/{other.TenantId}/realms/{RandomId}", RandomId, body);

        using var fetched = await owner.GetAsync($"/v1/tenants/{victim.TenantId}/realms/{realId}");
        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task List_AnotherTenantsToken_Returns404AndOwnListHasNoneOfTheirs()
    {
        var victim = await server.CreateTenantAsync();
        var other = await server.CreateTenantAsync();
        using var intruder = server.CreateClient(other.AccessToken);

        var foreign = await Wire.SendAsync(intruder, "GET", $"/v1/tenants/{victim.TenantId}/realms");
        var own = await Wire.ListAsync(intruder, $"/v1/tenants/{other.TenantId}/realms", "realms");

        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal([other.RealmId], own.Items.Select(Wire.Id));
    }

    [Fact]
    public async Task RealmScopedToken_SeesOnlyItsRealm()
    {
        var tenant = await server.CreateTenantAsync();
        var scoped = await server.CreateRealmAsync(tenant.TenantId, realmOnlyToken: true);
        using var client = server.CreateClient(scoped.AccessToken);

        var list = await Wire.ListAsync(client, $"/v1/tenants/{tenant.TenantId}/realms", "realms");
        using var own = await client.GetAsync(scoped.RealmPath);

        Assert.Equal([scoped.RealmId], list.Items.Select(Wire.Id));
        Assert.Equal(1, list.TotalSize);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        foreach (var method in new[] { "GET", "PATCH", "DELETE" })
        {
            var body = method == "PATCH" ? """{"realm":{"display_name":"taken over"}}""" : null;
            await Wire.AssertLikeRandomAsync(client, method,
                $"/v1/tenants/{tenant.TenantId}/realms/{tenant.RealmId}", tenant.RealmId, $"/v1/tenants/{tenant.TenantId}/realms/{RandomId}", RandomId, body);
        }
    }

    [Fact]
    public async Task Create_RealmScopedToken_Returns403AndStoresNothing()
    {
        var tenant = await server.CreateTenantAsync();
        var scoped = await server.CreateRealmAsync(tenant.TenantId, realmOnlyToken: true);
        using var client = server.CreateClient(scoped.AccessToken);
        using var tenantClient = server.CreateClient(tenant.AccessToken);
        var before = await Api.CountAsync(tenantClient, $"/v1/tenants/{tenant.TenantId}/realms");

        using var response = await client.PostAsync($"/v1/tenants/{tenant.TenantId}/realms", Api.Json("""{"realm":{"display_name":"Sneaky"}}"""));

        await Api.AssertErrorAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await Api.CountAsync(tenantClient, $"/v1/tenants/{tenant.TenantId}/realms"));
    }

    [Theory]
    [InlineData("POST", "", "realms:read")]
    [InlineData("GET", "", "realms:create")]
    [InlineData("GET", "/{r}", "realms:update")]
    [InlineData("PATCH", "/{r}", "realms:read")]
    [InlineData("DELETE", "/{r}", "realms:read realms:update")]
    public async Task Routes_TokenWithoutScope_Return403AndChangeNothing(string method, string suffix, string scopes)
    {
        var access = await server.CreateTenantAsync(scopes: scopes.Split(' '));
        var full = await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret);
        using var owner = server.CreateClient(full);
        var created = await CreateRealmAsync(owner, access.TenantId);
        using var client = server.CreateClient(access.AccessToken);
        var path = $"/v1/tenants/{access.TenantId}/realms{suffix.Replace("{r}", Wire.Id(created), StringComparison.Ordinal)}";
        var body = method switch
        {
            "POST" => """{"realm":{"display_name":"New"}}""",
            "PATCH" => """{"realm":{"display_name":"Renamed"}}""",
            _ => null,
        };

        var answer = await Wire.SendAsync(client, method, path, body);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("""{"code":"forbidden","message":"forbidden"}""", answer.Body);
        Assert.Equal(2, await Api.CountAsync(owner, $"/v1/tenants/{access.TenantId}/realms"));
        using var fetched = await owner.GetAsync($"/v1/tenants/{access.TenantId}/realms/{Wire.Id(created)}");
        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    private static async Task<System.Text.Json.JsonElement> CreateRealmAsync(HttpClient client, string tenantId, string? classification = null)
    {
        var body = classification is null
            ? """{"realm":{"display_name":"Test Realm"}}"""
            : $$$$"""{"realm":{"display_name":"Test Realm","classification":"{{{{classification}}}}"}}""";
        using var response = await client.PostAsync($"/v1/tenants/{tenantId}/realms", Api.Json(body));
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    public sealed class Sqlite(SqliteServer server) : RealmEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : RealmEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
