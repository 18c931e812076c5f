using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Identities;

/// <summary>The identities resource (beyond-identity-api.md §3.3): create, get, list, patch, delete, and their errors.</summary>
public abstract partial class IdentityEndpointsTests(PassbindServer server)
{
    private BootstrapInfo Bootstrap => server.Bootstrap;

    private string Identities => $"{Bootstrap.RealmPath}/identities";

    /// <summary>Create bodies that must be refused with 400, and the field each must name; <c>{u}</c> is a fresh username.</summary>
    public static TheoryData<string, string> InvalidCreateBodies => new()
    {
        { """{"identity":{"display_name":5,"traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.display_name" },
        { """{"identity":{"display_name":"","traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.display_name" },
        { """{"identity":{"display_name":"   ","traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.display_name" },
        { """{"identity":{"display_name":"{long}","traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.display_name" },
        { """{"identity":{"display_name":"a\u0000b","traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.display_name" },
        { """{"identity":{"display_name":"a\r\n2026-01-01 INFO forged","traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.display_name" },
        { """{"identity":{"display_name":"evil\u202Egnp.exe","traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.display_name" },
        { """{"identity":{"display_name":"<script>","traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.display_name" },
        { """{"identity":{"display_name":"x","traits":{"type":"traits_v0"}}}""", "identity.traits.username" },
        { """{"identity":{"display_name":"x","traits":{"type":"traits_v0","username":""}}}""", "identity.traits.username" },
        { """{"identity":{"display_name":"x","traits":{"type":"traits_v0","username":5}}}""", "identity.traits.username" },
        { """{"identity":{"display_name":"x","traits":{"type":"traits_v0","username":"{u}{long}"}}}""", "identity.traits.username" },
        { """{"identity":{"display_name":"x","traits":{"type":"traits_v0","username":"{u}\t"}}}""", "identity.traits.username" },
        { """{"identity":{"display_name":"x","traits":{"type":"traits_v0","username":"{u}","primary_email_address":"not-an-email"}}}""", "identity.traits.primary_email_address" },
        { """{"identity":{"display_name":"x","traits":{"type":"traits_v0","username":"{u}","primary_email_address":"a@b.test\r\nBcc: x@evil.test"}}}""", "identity.traits.primary_email_address" },
        { """{"identity":{"display_name":"x","traits":{"type":"traits_v1","username":"{u}"}}}""", "identity.traits.type" },
        { """{"identity":{"display_name":"x","traits":{"username":"{u}"}}}""", "identity.traits.type" },
        { """{"identity":{"display_name":"x"}}""", "identity.traits" },
        { """{"identity":{"display_name":"x","status":"deleted","traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.status" },
        { """{"identity":{"display_name":"x","status":5,"traits":{"type":"traits_v0","username":"{u}"}}}""", "identity.status" },
        { """{"identity":"{u}"}""", "identity" },
        { """{"identity":null}""", "identity" },
        { """{}""", "identity" },
    };

    public static TheoryData<string> MalformedBodies => MalformedJson.Bodies(
        """{"identity":{"display_name":"x","display_name":"y","traits":{"type":"traits_v0","username":"{u}"}}}""",
        new string('[', 10_000) + new string(']', 10_000));

    public static TheoryData<string, string> InvalidListQueries => ListQueries.Invalid(
        "traits.primary_email_address%20eq%20%22a%40b.test%22",
        "traits.username%20co%20%22a%22",
        "garbage",
        "traits.username%20eq%20unquoted",
        "traits.username%20eq%20%22a%22%20or%20true");

    [Fact]
    public async Task Create_SeedBody_Returns200WithIdentity()
    {
        using var client = server.CreateClient();
        var username = PassbindServer.NewUsername();

        using var response = await client.PostAsync(Identities, Api.Json(Api.SeedIdentityBody(username)));

        var identity = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Matches("^[0-9a-f]{16}$", identity.GetProperty("id").GetString());
        Assert.Equal(Bootstrap.RealmId, identity.GetProperty("realm_id").GetString());
        Assert.Equal(Bootstrap.TenantId, identity.GetProperty("tenant_id").GetString());
        Assert.Equal(username, identity.GetProperty("display_name").GetString());
        Assert.Equal("active", identity.GetProperty("status").GetString());
        Assert.Equal("UNENROLLED", identity.GetProperty("enrollment_status").GetString());
        Assert.Matches(Rfc3339Utc(), identity.GetProperty("create_time").GetString());
        Assert.Matches(Rfc3339Utc(), identity.GetProperty("update_time").GetString());
        var traits = identity.GetProperty("traits");
        Assert.Equal("traits_v0", traits.GetProperty("type").GetString());
        Assert.Equal(username, traits.GetProperty("username").GetString());
        Assert.Equal($"{username}@example.com", traits.GetProperty("primary_email_address").GetString());
    }

    [Fact]
    public async Task Create_ReadOnlyFields_AreIgnored()
    {
        using var client = server.CreateClient();
        var other = await server.CreateTenantAsync();
        var username = PassbindServer.NewUsername();
        var body = JsonSerializer.Serialize(new
        {
            identity = new
            {
                id = "chosen0000000000",
                tenant_id = other.TenantId,
                realm_id = other.RealmId,
                create_time = "2000-01-01T00:00:00Z",
                enrollment_status = "ENROLLED",
                display_name = username,
                traits = new { type = "traits_v0", username },
            },
        });

        using var response = await client.PostAsync(Identities, Api.Json(body));

        var identity = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.NotEqual("chosen0000000000", identity.GetProperty("id").GetString());
        Assert.Equal(Bootstrap.TenantId, identity.GetProperty("tenant_id").GetString());
        Assert.Equal(Bootstrap.RealmId, identity.GetProperty("realm_id").GetString());
        Assert.Equal("UNENROLLED", identity.GetProperty("enrollment_status").GetString());
        using var otherClient = server.CreateClient(other.AccessToken);
        Assert.Equal(0, await Api.CountAsync(otherClient, $"{other.RealmPath}/identities"));
    }

    [Fact]
    public async Task Get_Existing_ReturnsSameIdentity()
    {
        var created = await server.CreateIdentityAsync();
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"{Identities}/{created.GetProperty("id").GetString()}");

        var fetched = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(created.ToString(), fetched.ToString());
    }

    [Fact]
    public async Task Get_Unknown_Returns404NotFound()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"{Identities}/0123456789abcdef");

        await Api.AssertNotFoundAsync(response, "Identity");
    }

    [Theory]
    [InlineData("traits.username eq \"{u}\"")]
    [InlineData("username eq \"{u}\"")]
    [InlineData("traits.username eq \"{U}\"")]
    [InlineData("  traits.username   eq   \"{u}\"  ")]
    public async Task List_UsernameFilter_FindsOnlyThatIdentity(string filter)
    {
        var username = PassbindServer.NewUsername();
        var created = await server.CreateIdentityAsync(username);
        await server.CreateIdentityAsync(username + "x");
        using var client = server.CreateClient();
        var query = filter.Replace("{u}", username, StringComparison.Ordinal).Replace("{U}", username.ToUpperInvariant(), StringComparison.Ordinal);

        using var response = await client.GetAsync($"{Identities}?filter={Uri.EscapeDataString(query)}");

        var list = await Api.ReadJsonAsync(response, expectedStatus: 200);
        var found = Assert.Single(list.GetProperty("identities").EnumerateArray());
        Assert.Equal(created.GetProperty("id").GetString(), found.GetProperty("id").GetString());
        Assert.Equal(1, list.GetProperty("total_size").GetInt32());
        Assert.False(list.TryGetProperty("next_page_token", out _));
    }

    [Fact]
    public async Task List_NoFilter_IncludesCreatedIdentity()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);

        using var response = await client.GetAsync($"{access.RealmPath}/identities");

        var list = await Api.ReadJsonAsync(response, expectedStatus: 200);
        var found = Assert.Single(list.GetProperty("identities").EnumerateArray());
        Assert.Equal(created.ToString(), found.ToString());
        Assert.Equal(1, list.GetProperty("total_size").GetInt32());
    }

    [Fact]
    public async Task List_SeveralPages_ReturnsEveryIdentityOnceWithTotalSize()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = new HashSet<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await PassbindServer.CreateIdentityAsync(client, access.RealmPath)).GetProperty("id").GetString()!);
        }

        var seen = new List<string>();
        var pageSizes = new List<int>();
        string? pageToken = null;
        do
        {
            var query = pageToken is null ? "page_size=2" : $"page_token={Uri.EscapeDataString(pageToken)}";
            using var response = await client.GetAsync($"{access.RealmPath}/identities?{query}");
            var page = await Api.ReadJsonAsync(response, expectedStatus: 200);
            Assert.Equal(5, page.GetProperty("total_size").GetInt32());
            var ids = page.GetProperty("identities").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
            seen.AddRange(ids);
            pageSizes.Add(ids.Count);
            pageToken = page.TryGetProperty("next_page_token", out var next) ? next.GetString() : null;
            Assert.True(pageToken is null || pageToken.Length > 0, "next_page_token must be omitted, not empty, on the last page");
        }
        while (pageToken is not null && pageSizes.Count < 10);

        Assert.Equal([2, 2, 1], pageSizes);
        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task List_PageSizeAboveMaximum_IsClampedNotRefused()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"{Identities}?page_size=500");

        var list = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.True(list.GetProperty("identities").GetArrayLength() <= 200);
    }

    [Fact]
    public async Task List_Skip_SkipsThatManyMatches()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        for (var i = 0; i < 3; i++)
        {
            await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        }

        using var response = await client.GetAsync($"{access.RealmPath}/identities?skip=2");

        var list = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Single(list.GetProperty("identities").EnumerateArray());
        Assert.Equal(3, list.GetProperty("total_size").GetInt32());
    }

    [Theory]
    [MemberData(nameof(InvalidListQueries))]
    [InlineData("page_token=eyJDb2xsZWN0aW9uIjoiaWRlbnRpdGllcyJ9AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "page_token")]
    public async Task List_InvalidQuery_Returns400NamingParameter(string query, string field)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"{Identities}?{query}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
    }

    [Fact]
    public async Task List_PageTokenOfAnotherTenant_Returns400()
    {
        var other = await server.CreateTenantAsync();
        using var otherClient = server.CreateClient(other.AccessToken);
        await PassbindServer.CreateIdentityAsync(otherClient, other.RealmPath);
        await PassbindServer.CreateIdentityAsync(otherClient, other.RealmPath);
        using var otherPage = await otherClient.GetAsync($"{other.RealmPath}/identities?page_size=1");
        var foreignToken = (await Api.ReadJsonAsync(otherPage, expectedStatus: 200)).GetProperty("next_page_token").GetString()!;
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"{Identities}?page_token={Uri.EscapeDataString(foreignToken)}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "page_token");
    }

    [Fact]
    public async Task List_PageTokenWithDifferentFilter_Returns400()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        using var first = await client.GetAsync($"{access.RealmPath}/identities?page_size=1");
        var token = (await Api.ReadJsonAsync(first, expectedStatus: 200)).GetProperty("next_page_token").GetString()!;

        using var response = await client.GetAsync(
            $"{access.RealmPath}/identities?page_token={Uri.EscapeDataString(token)}&filter={Uri.EscapeDataString("username eq \"x\"")}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "page_token");
    }

    [Fact]
    public async Task Create_DuplicateUsernameInAnotherCase_Returns409Conflict()
    {
        var username = PassbindServer.NewUsername();
        await server.CreateIdentityAsync(username);
        using var client = server.CreateClient();

        using var response = await client.PostAsync(Identities, Api.Json(Api.SeedIdentityBody(username.ToUpperInvariant())));

        await Api.AssertErrorAsync(response, HttpStatusCode.Conflict, "conflict");
        using var list = await client.GetAsync($"{Identities}?filter={Uri.EscapeDataString($"username eq \"{username}\"")}");
        Assert.Equal(1, (await Api.ReadJsonAsync(list, expectedStatus: 200)).GetProperty("total_size").GetInt32());
    }

    [Fact]
    public async Task Create_SameUsernameInAnotherRealm_Succeeds()
    {
        var username = PassbindServer.NewUsername();
        await server.CreateIdentityAsync(username);
        var other = await server.CreateRealmAsync(Bootstrap.TenantId);
        using var client = server.CreateClient(other.AccessToken);

        using var response = await client.PostAsync($"{other.RealmPath}/identities", Api.Json(Api.SeedIdentityBody(username)));

        await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task Create_InvalidField_Returns400NamingFieldAndStoresNothing(string body, string field)
    {
        using var client = server.CreateClient();
        var before = await Api.CountAsync(client, Identities);

        using var response = await client.PostAsync(Identities, Api.Json(Fill(body)));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        Assert.Equal(before, await Api.CountAsync(client, Identities));
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Create_MalformedJson_Returns400AndStoresNothing(string body)
    {
        using var client = server.CreateClient();
        var before = await Api.CountAsync(client, Identities);

        using var response = await client.PostAsync(Identities, Api.Json(Fill(body)));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal(before, await Api.CountAsync(client, Identities));
    }

    [Fact]
    public async Task Create_TextPlainContentTypeAsFetchSends_Returns200()
    {
        // The seed's example passes a string body to fetch() with no Content-Type header, so fetch sends
        // text/plain;charset=UTF-8; Beyond Identity accepts it, so must we (compatibility rule).
        using var client = server.CreateClient();
        var username = PassbindServer.NewUsername();
        using var content = new StringContent(Api.SeedIdentityBody(username));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain;charset=UTF-8");

        using var response = await client.PostAsync(Identities, content);

        var identity = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(username, identity.GetProperty("traits").GetProperty("username").GetString());
    }

    [Theory]
    [InlineData(100 * 1024)]
    [InlineData(2 * 1024 * 1024)]
    public async Task Create_OversizedBody_Returns413AndStoresNothing(int size)
    {
        using var client = server.CreateClient();
        var before = await Api.CountAsync(client, Identities);
        var username = PassbindServer.NewUsername();
        var body = $$$$"""{"identity":{"display_name":"x","traits":{"type":"traits_v0","username":"{{{{username}}}}","title":"{{{{new string('a', size)}}}}"}}}""";

        using var response = await client.PostAsync(Identities, Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(before, await Api.CountAsync(client, Identities));
    }

    [Fact]
    public async Task Update_Traits_MergesWithStoredTraits()
    {
        var created = await server.CreateIdentityAsync();
        var id = created.GetProperty("id").GetString();
        using var client = server.CreateClient();

        using var response = await client.PatchAsync($"{Identities}/{id}",
            Api.Json("""{"identity":{"traits":{"type":"traits_v0","given_name":"Ada"}}}"""));

        var updated = await Api.ReadJsonAsync(response, expectedStatus: 200);
        var traits = updated.GetProperty("traits");
        Assert.Equal("Ada", traits.GetProperty("given_name").GetString());
        Assert.Equal(created.GetProperty("traits").GetProperty("username").GetString(), traits.GetProperty("username").GetString());
        Assert.Equal(created.GetProperty("traits").GetProperty("primary_email_address").GetString(), traits.GetProperty("primary_email_address").GetString());
        Assert.Equal(created.GetProperty("display_name").GetString(), updated.GetProperty("display_name").GetString());
        using var fetched = await client.GetAsync($"{Identities}/{id}");
        Assert.Equal(updated.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Update_DisplayNameAndStatus_ChangesOnlyThoseAndUpdateTime()
    {
        var created = await server.CreateIdentityAsync();
        var id = created.GetProperty("id").GetString();
        using var client = server.CreateClient();
        server.Time.Advance(TimeSpan.FromSeconds(5));

        using var response = await client.PatchAsync($"{Identities}/{id}",
            Api.Json("""{"identity":{"display_name":"Renamed","status":"suspended","id":"ffffffffffffffff"}}"""));

        var updated = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(id, updated.GetProperty("id").GetString());
        Assert.Equal("Renamed", updated.GetProperty("display_name").GetString());
        Assert.Equal("suspended", updated.GetProperty("status").GetString());
        Assert.Equal(created.GetProperty("traits").ToString(), updated.GetProperty("traits").ToString());
        Assert.Equal(created.GetProperty("create_time").GetString(), updated.GetProperty("create_time").GetString());
        Assert.NotEqual(created.GetProperty("update_time").GetString(), updated.GetProperty("update_time").GetString());
    }

    [Fact]
    public async Task Update_UsernameTakenInAnotherCase_Returns409AndKeepsIdentity()
    {
        var taken = PassbindServer.NewUsername();
        await server.CreateIdentityAsync(taken);
        var created = await server.CreateIdentityAsync();
        var id = created.GetProperty("id").GetString();
        using var client = server.CreateClient();

        using var response = await client.PatchAsync($"{Identities}/{id}",
            Api.Json($$$$"""{"identity":{"traits":{"type":"traits_v0","username":"{{{{taken.ToUpperInvariant()}}}}"}}}"""));

        await Api.AssertErrorAsync(response, HttpStatusCode.Conflict, "conflict");
        using var fetched = await client.GetAsync($"{Identities}/{id}");
        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Theory]
    [InlineData("""{"identity":{"display_name":""}}""", "identity.display_name")]
    [InlineData("""{"identity":{"display_name":7}}""", "identity.display_name")]
    [InlineData("""{"identity":{"status":"gone"}}""", "identity.status")]
    [InlineData("""{"identity":{"traits":{"username":"x"}}}""", "identity.traits.type")]
    [InlineData("""{"identity":{"traits":{"type":"traits_v0","username":null}}}""", "identity.traits.username")]
    [InlineData("""{"identity":{"traits":{"type":"traits_v0","primary_email_address":"nope"}}}""", "identity.traits.primary_email_address")]
    public async Task Update_InvalidField_Returns400AndKeepsIdentity(string body, string field)
    {
        var created = await server.CreateIdentityAsync();
        var id = created.GetProperty("id").GetString();
        using var client = server.CreateClient();

        using var response = await client.PatchAsync($"{Identities}/{id}", Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        using var fetched = await client.GetAsync($"{Identities}/{id}");
        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Delete_Existing_Returns200EmptyBodyThen404()
    {
        var created = await server.CreateIdentityAsync();
        var path = $"{Identities}/{created.GetProperty("id").GetString()}";
        using var client = server.CreateClient();

        using var response = await client.DeleteAsync(path);
        using var again = await client.GetAsync(path);
        using var deleteAgain = await client.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await Api.AssertErrorAsync(again, HttpStatusCode.NotFound, "not_found");
        await Api.AssertErrorAsync(deleteAgain, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Delete_ThenCreateSameUsername_Succeeds()
    {
        var username = PassbindServer.NewUsername();
        var created = await server.CreateIdentityAsync(username);
        using var client = server.CreateClient();
        using var deleted = await client.DeleteAsync($"{Identities}/{created.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        using var response = await client.PostAsync(Identities, Api.Json(Api.SeedIdentityBody(username)));

        await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    [Fact]
    public async Task Routes_AnotherTenantsToken_AnswerExactlyLikeRandomIds()
    {
        var created = await server.CreateIdentityAsync();
        var realId = created.GetProperty("id").GetString()!;
        const string randomId = "00000000deadbeef";
        var other = await server.CreateTenantAsync();
        using var intruder = server.CreateClient(other.AccessToken);

        // The other tenant's token on the first tenant's path, and on its own path with the first tenant's id.
        foreach (var basePath in new[] { Identities, $"{other.RealmPath}/identities" })
        {
            foreach (var method in new[] { "GET", "PATCH", "DELETE" })
            {
                var real = await SendAsync(intruder, method, $"{basePath}/{realId}");
                var random = await SendAsync(intruder, method, $"{basePath}/{randomId}");

                Assert.Equal(HttpStatusCode.NotFound, real.Status);
                Assert.Equal(random.Status, real.Status);
                Assert.Equal(random.Body.Replace(randomId, "{id}", StringComparison.Ordinal), real.Body.Replace(realId, "{id}", StringComparison.Ordinal));
            }
        }

        using var list = await intruder.GetAsync($"{Identities}?filter={Uri.EscapeDataString($"username eq \"{created.GetProperty("traits").GetProperty("username").GetString()}\"")}");
        await Api.AssertErrorAsync(list, HttpStatusCode.NotFound, "not_found");
        using var owner = server.CreateClient();
        using var fetched = await owner.GetAsync($"{Identities}/{realId}");
        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Routes_TokenOfAnotherRealm_AnswerExactlyLikeAnUnknownRealm()
    {
        var created = await server.CreateIdentityAsync();
        var id = created.GetProperty("id").GetString();
        var otherRealm = await server.CreateRealmAsync(Bootstrap.TenantId, realmOnlyToken: true);
        using var client = server.CreateClient(otherRealm.AccessToken);
        const string unknownRealm = "00000000deadbeef";

        var real = await SendAsync(client, "GET", $"{Identities}/{id}");
        var unknown = await SendAsync(client, "GET", $"/v1/tenants/{Bootstrap.TenantId}/realms/{unknownRealm}/identities/{id}");
        using var create = await client.PostAsync(Identities, Api.Json(Api.SeedIdentityBody(PassbindServer.NewUsername())));
        using var own = await client.GetAsync($"{otherRealm.RealmPath}/identities");

        Assert.Equal(HttpStatusCode.NotFound, real.Status);
        Assert.Equal(unknown.Body.Replace(unknownRealm, "{realm}", StringComparison.Ordinal), real.Body.Replace(Bootstrap.RealmId, "{realm}", StringComparison.Ordinal));
        await Api.AssertErrorAsync(create, HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task List_AnotherTenant_SeesNoneOfThisTenantsIdentities()
    {
        var username = PassbindServer.NewUsername();
        await server.CreateIdentityAsync(username);
        var other = await server.CreateTenantAsync();
        using var client = server.CreateClient(other.AccessToken);

        using var response = await client.GetAsync($"{other.RealmPath}/identities?filter={Uri.EscapeDataString($"username eq \"{username}\"")}");

        var list = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(0, list.GetProperty("total_size").GetInt32());
        Assert.Empty(list.GetProperty("identities").EnumerateArray());
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PATCH")
        {
            request.Content = Api.Json("""{"identity":{"display_name":"taken over"}}""");
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Fill(string template) => template
        .Replace("{u}", PassbindServer.NewUsername(), StringComparison.Ordinal)
        .Replace("{long}", new string('a', 65), StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")]
    private static partial Regex Rfc3339Utc();

    public sealed class Sqlite(SqliteServer server) : IdentityEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : IdentityEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
