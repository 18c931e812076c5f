using System.Net;
using System.Text.Json;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Themes;

/// <summary>Themes (beyond-identity-api.md §3.7): the realm's active theme, read and patched, and their errors.</summary>
public abstract class ThemeEndpointsTests(PassbindServer server)
{
    private const string RandomId = "00000000-dead-beef-0000-000000000000";

    private const string FullPatch = """
        {"theme":{"email_realm_name":"Pet Shop","logo_url_light":"https://cdn.pets.test/light.png","logo_url_dark":"https://cdn.pets.test/dark.png",
          "support_url":"https://pets.test/help","button_color":"#1A2b3C","button_text_color":"#ffffff"}}
        """;

    public static TheoryData<string, string> InvalidPatchBodies => new()
    {
        { """{"theme":{"button_color":"red"}}""", "theme.button_color" },
        { """{"theme":{"button_color":"#12345"}}""", "theme.button_color" },
        { """{"theme":{"button_color":"#1234567"}}""", "theme.button_color" },
        { """{"theme":{"button_color":"#GGGGGG"}}""", "theme.button_color" },
        { """{"theme":{"button_color":"123456"}}""", "theme.button_color" },
        { """{"theme":{"button_text_color":"#fff"}}""", "theme.button_text_color" },
        { """{"theme":{"button_text_color":"#ffffff;background:url(x)"}}""", "theme.button_text_color" },
        { """{"theme":{"button_color":16777215}}""", "theme.button_color" },
        { """{"theme":{"logo_url_light":"not a url"}}""", "theme.logo_url_light" },
        { """{"theme":{"logo_url_light":"/relative/logo.png"}}""", "theme.logo_url_light" },
        { """{"theme":{"logo_url_dark":"javascript:alert(1)"}}""", "theme.logo_url_dark" },
        { """{"theme":{"logo_url_dark":"data:image/png;base64,AAAA"}}""", "theme.logo_url_dark" },
        { """{"theme":{"logo_url_light":"http://cdn.pets.test/light.png"}}""", "theme.logo_url_light" },
        { """{"theme":{"support_url":"myapp://help"}}""", "theme.support_url" },
        { $$$$"""{"theme":{"support_url":"https://pets.test/{{{{new string('h', 2100)}}}}"}}""", "theme.support_url" },
        { """{"theme":{"support_url":["https://pets.test"]}}""", "theme.support_url" },
        { """{"theme":{"email_realm_name":"   "}}""", "theme.email_realm_name" },
        { $$$$"""{"theme":{"email_realm_name":"{{{{new string('n', 65)}}}}"}}""", "theme.email_realm_name" },
        { """{"theme":{"email_realm_name":"Pets\r\nBcc: x@evil.test"}}""", "theme.email_realm_name" },
        { """{"theme":null}""", "theme" },
        { """{}""", "theme" },
    };

    public static TheoryData<string> MalformedBodies => MalformedJson.Bodies("""{"theme":{"button_color":"#000000"}""");

    [Fact]
    public async Task GetActive_NewRealm_ReturnsThemeWithUnsetFieldsOmitted()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        using var made = await client.PostAsync($"/v1/tenants/{access.TenantId}/realms", Api.Json("""{"realm":{"display_name":"Themed"}}"""));
        var realm = await Api.ReadJsonAsync(made, expectedStatus: 200);

        using var response = await client.GetAsync($"/v1/tenants/{access.TenantId}/realms/{Wire.Id(realm)}/themes/active");

        var theme = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(theme, "id", "tenant_id", "realm_id", "create_time", "update_time");
        Assert.True(Guid.TryParse(Wire.Id(theme), out _), $"id {Wire.Id(theme)} is not a UUID");
        Assert.Equal(access.TenantId, theme.GetProperty("tenant_id").GetString());
        Assert.Equal(Wire.Id(realm), theme.GetProperty("realm_id").GetString());
        Wire.AssertTimestamp(theme, "create_time");
        Wire.AssertTimestamp(theme, "update_time");
    }

    [Fact]
    public async Task GetActive_Twice_ReturnsTheSameTheme()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        var first = await GetActiveAsync(client, access);
        var second = await GetActiveAsync(client, access);

        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public async Task Update_EveryField_ReturnsAndKeepsThem()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var active = await GetActiveAsync(client, access);
        server.Time.Advance(TimeSpan.FromSeconds(4));

        using var response = await client.PatchAsync(Theme(access, Wire.Id(active)), Api.Json(FullPatch));

        var theme = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(theme, "id", "tenant_id", "realm_id", "create_time", "update_time", "email_realm_name", "logo_url_light", "logo_url_dark", "support_url", "button_color", "button_text_color");
        Assert.Equal(Wire.Id(active), Wire.Id(theme));
        Assert.Equal("Pet Shop", theme.GetProperty("email_realm_name").GetString());
        Assert.Equal("https://cdn.pets.test/light.png", theme.GetProperty("logo_url_light").GetString());
        Assert.Equal("https://cdn.pets.test/dark.png", theme.GetProperty("logo_url_dark").GetString());
        Assert.Equal("https://pets.test/help", theme.GetProperty("support_url").GetString());
        Assert.Equal("#1A2b3C", theme.GetProperty("button_color").GetString());
        Assert.Equal("#ffffff", theme.GetProperty("button_text_color").GetString());
        Assert.Equal(active.GetProperty("create_time").GetString(), theme.GetProperty("create_time").GetString());
        Assert.Equal(Wire.Time(active, "update_time") + TimeSpan.FromSeconds(4), Wire.Time(theme, "update_time"));
        Assert.Equal(theme.ToString(), (await GetActiveAsync(client, access)).ToString());
    }

    [Fact]
    public async Task Update_OneField_KeepsTheOthersAndEmptyStringClears()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var id = Wire.Id(await GetActiveAsync(client, access));
        using var full = await client.PatchAsync(Theme(access, id), Api.Json(FullPatch));
        await Api.ReadJsonAsync(full, expectedStatus: 200);

        using var response = await client.PatchAsync(Theme(access, id), Api.Json("""{"theme":{"button_color":"#000000","support_url":"","id":"ignored"}}"""));

        var theme = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(id, Wire.Id(theme));
        Assert.Equal("#000000", theme.GetProperty("button_color").GetString());
        Assert.False(theme.TryGetProperty("support_url", out _), $"support_url should be cleared: {theme}");
        Assert.Equal("Pet Shop", theme.GetProperty("email_realm_name").GetString());
        Assert.Equal("#ffffff", theme.GetProperty("button_text_color").GetString());
        Assert.Equal("https://cdn.pets.test/light.png", theme.GetProperty("logo_url_light").GetString());
    }

    [Theory]
    [MemberData(nameof(InvalidPatchBodies))]
    public async Task Update_InvalidField_Returns400NamingFieldAndKeepsTheme(string body, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var active = await GetActiveAsync(client, access);

        using var response = await client.PatchAsync(Theme(access, Wire.Id(active)), Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        Assert.Equal(active.ToString(), (await GetActiveAsync(client, access)).ToString());
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Update_MalformedJson_Returns400AndKeepsTheme(string body)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var active = await GetActiveAsync(client, access);

        using var response = await client.PatchAsync(Theme(access, Wire.Id(active)), Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal(active.ToString(), (await GetActiveAsync(client, access)).ToString());
    }

    [Fact]
    public async Task Update_UnknownTheme_Returns404NotFound()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PatchAsync(Theme(access, RandomId), Api.Json("""{"theme":{"button_color":"#000000"}}"""));

        await Api.AssertNotFoundAsync(response, "Theme", RandomId);
    }

    [Fact]
    public async Task Update_ThemeOfAnotherRealmOrTenant_AnswersLikeRandomIdAndKeepsIt()
    {
        var victim = await server.CreateTenantAsync();
        using var owner = server.CreateClient(victim.AccessToken);
        var victimTheme = await GetActiveAsync(owner, victim);
        var sibling = await server.CreateRealmAsync(victim.TenantId, realmOnlyToken: false);
        using var siblingClient = server.CreateClient(sibling.AccessToken);
        var other = await server.CreateTenantAsync();
        using var intruder = server.CreateClient(other.AccessToken);
        const string body = """{"theme":{"logo_url_light":"https://evil.test/logo.png"}}""";
        var realId = Wire.Id(victimTheme);

        // The same tenant's other realm, with the theme id in that realm's path.
        await Wire.AssertLikeRandomAsync(siblingClient, "PATCH", Theme(sibling, realId), realId, Theme(sibling, RandomId), RandomId, body);
        // Another tenant: on the victim's path and on its own path.
        await Wire.AssertLikeRandomAsync(intruder, "PATCH", Theme(victim, realId), realId, Theme(victim, RandomId), RandomId, body);
        await Wire.AssertLikeRandomAsync(intruder, "PATCH", Theme(other, realId), realId, Theme(other, RandomId), RandomId, body);
        await Wire.AssertLikeRandomAsync(intruder, "GET", $"{victim.RealmPath}/themes/active", victim.TenantId,
            $"/v1/tenants/0001deadbeef0000/realms/{victim.RealmId}/themes/active", "0001deadbeef0000");

        Assert.Equal(victimTheme.ToString(), (await GetActiveAsync(owner, victim)).ToString());
    }

    [Fact]
    public async Task RealmScopedToken_CannotSeeAnotherRealmsTheme()
    {
        var tenant = await server.CreateTenantAsync();
        using var owner = server.CreateClient(tenant.AccessToken);
        var theme = await GetActiveAsync(owner, tenant);
        var scoped = await server.CreateRealmAsync(tenant.TenantId, realmOnlyToken: true);
        using var client = server.CreateClient(scoped.AccessToken);
        const string unknownRealm = "00000000deadbeef";
        var unknownPath = $"/v1/tenants/{tenant.TenantId}/realms/{unknownRealm}/themes";

        await Wire.AssertLikeRandomAsync(client, "GET", $"{tenant.RealmPath}/themes/active", tenant.RealmId, $"{unknownPath}/active", unknownRealm);
        await Wire.AssertLikeRandomAsync(client, "PATCH", Theme(tenant, Wire.Id(theme)), tenant.RealmId, $"{unknownPath}/{Wire.Id(theme)}", unknownRealm,
            """{"theme":{"button_color":"#000000"}}""");
        Assert.Equal(theme.ToString(), (await GetActiveAsync(owner, tenant)).ToString());
    }

    [Theory]
    [InlineData("GET", "themes:update")]
    [InlineData("PATCH", "themes:read")]
    public async Task Routes_TokenWithoutScope_Return403AndChangeNothing(string method, string scopes)
    {
        var access = await server.CreateTenantAsync(scopes: scopes.Split(' '));
        var full = await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret);
        using var owner = server.CreateClient(full);
        var active = await GetActiveAsync(owner, access);
        using var client = server.CreateClient(access.AccessToken);

        var answer = method == "GET"
            ? await Wire.SendAsync(client, "GET", $"{access.RealmPath}/themes/active")
            : await Wire.SendAsync(client, "PATCH", Theme(access, Wire.Id(active)), """{"theme":{"button_color":"#000000"}}""");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("""{"code":"forbidden","message":"forbidden"}""", answer.Body);
        Assert.Equal(active.ToString(), (await GetActiveAsync(owner, access)).ToString());
    }

    private static string Theme(TenantAccess access, string themeId) => $"{access.RealmPath}/themes/{themeId}";

    private static async Task<JsonElement> GetActiveAsync(HttpClient client, TenantAccess access)
    {
        using var response = await client.GetAsync($"{access.RealmPath}/themes/active");
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    public sealed class Sqlite(SqliteServer server) : ThemeEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ThemeEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
