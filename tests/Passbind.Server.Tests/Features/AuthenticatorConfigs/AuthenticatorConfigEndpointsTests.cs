using System.Net;
using System.Text.Json;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.AuthenticatorConfigs;

/// <summary>The authenticator configs resource (beyond-identity-api.md §3.6): create, get, list, patch, delete, and their errors.</summary>
public abstract class AuthenticatorConfigEndpointsTests(PassbindServer server)
{
    private const string RandomId = "00000000-dead-beef-0000-000000000000";
    private const string EmbeddedBody = """{"authenticator_config":{"display_name":"Pet Authenticator Configuration","config":{"type":"embedded","invoke_url":"http://localhost:8092","trusted_origins":["http://localhost:8092"]}}}""";

    /// <summary>Create bodies that must be refused with 400, and the field each must name.</summary>
    public static TheoryData<string, string> InvalidCreateBodies => new()
    {
        // embedded: invoke_url and trusted_origins are required.
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","trusted_origins":["https://app.test"]}}}""", "authenticator_config.config.invoke_url" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test"}}}""", "authenticator_config.config.trusted_origins" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":[]}}}""", "authenticator_config.config.trusted_origins" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":"https://app.test"}}}""", "authenticator_config.config.trusted_origins" },
        // Origins exactly: no path, no trailing slash, no query, absolute.
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["https://x/"]}}}""", "authenticator_config.config.trusted_origins[0]" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["https://app.test","https://x/path"]}}}""", "authenticator_config.config.trusted_origins[1]" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["https://x?q=1"]}}}""", "authenticator_config.config.trusted_origins[0]" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["app.test"]}}}""", "authenticator_config.config.trusted_origins[0]" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["javascript:alert(1)"]}}}""", "authenticator_config.config.trusted_origins[0]" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":[null]}}}""", "authenticator_config.config.trusted_origins[0]" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":[5]}}}""", "authenticator_config.config.trusted_origins[0]" },
        // invoke_url
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"not a url","trusted_origins":["https://app.test"]}}}""", "authenticator_config.config.invoke_url" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test/?x=1","trusted_origins":["https://app.test"]}}}""", "authenticator_config.config.invoke_url" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"javascript:alert(1)","trusted_origins":["https://app.test"]}}}""", "authenticator_config.config.invoke_url" },
        { $$$$"""{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test/{{{{new string('p', 2100)}}}}","trusted_origins":["https://app.test"]}}}""", "authenticator_config.config.invoke_url" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":42,"trusted_origins":["https://app.test"]}}}""", "authenticator_config.config.invoke_url" },
        // enums
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["https://app.test"],"invocation_type":"sometimes"}}}""", "authenticator_config.config.invocation_type" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["https://app.test"],"authentication_methods":[{"type":"password"}]}}}""", "authenticator_config.config.authentication_methods[0].type" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["https://app.test"],"authentication_methods":[]}}}""", "authenticator_config.config.authentication_methods" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"platform","invoke_url":"https://app.test","trusted_origins":["https://app.test"]}}}""", "authenticator_config.config.type" },
        { """{"authenticator_config":{"display_name":"A","config":{"invoke_url":"https://app.test","trusted_origins":["https://app.test"]}}}""", "authenticator_config.config.type" },
        // hosted_web needs authentication_methods and trusted_origins.
        { """{"authenticator_config":{"display_name":"A","config":{"type":"hosted_web","trusted_origins":["https://app.test"]}}}""", "authenticator_config.config.authentication_methods" },
        { """{"authenticator_config":{"display_name":"A","config":{"type":"hosted_web","authentication_methods":[{"type":"webauthn_passkey"}]}}}""", "authenticator_config.config.trusted_origins" },
        // display_name and wrappers
        { """{"authenticator_config":{"config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["https://app.test"]}}}""", "authenticator_config.display_name" },
        { $$$$"""{"authenticator_config":{"display_name":"{{{{new string('d', 65)}}}}","config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["https://app.test"]}}}""", "authenticator_config.display_name" },
        { """{"authenticator_config":{"display_name":true,"config":{"type":"embedded","invoke_url":"https://app.test","trusted_origins":["https://app.test"]}}}""", "authenticator_config.display_name" },
        { """{"authenticator_config":{"display_name":"A"}}""", "authenticator_config.config" },
        { """{"authenticator_config":{"display_name":"A","config":"embedded"}}""", "authenticator_config.config" },
        { """{"authenticator_config":null}""", "authenticator_config" },
        { """{}""", "authenticator_config" },
    };

    public static TheoryData<string> MalformedBodies => MalformedJson.Bodies("""{"authenticator_config":{"display_name":"A",}}""");

    [Fact]
    public async Task Create_SpecExample_Returns200WithDefaults()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync(Configs(access), Api.Json(EmbeddedBody));

        var config = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(config, "id", "realm_id", "tenant_id", "display_name", "config");
        Assert.True(Guid.TryParse(Wire.Id(config), out _), $"id {Wire.Id(config)} is not a UUID");
        Assert.Equal(access.RealmId, config.GetProperty("realm_id").GetString());
        Assert.Equal(access.TenantId, config.GetProperty("tenant_id").GetString());
        Assert.Equal("Pet Authenticator Configuration", config.GetProperty("display_name").GetString());
        var settings = config.GetProperty("config");
        Wire.AssertProperties(settings, "type", "invoke_url", "invocation_type", "trusted_origins", "authentication_methods");
        Assert.Equal("embedded", settings.GetProperty("type").GetString());
        Assert.Equal("http://localhost:8092", settings.GetProperty("invoke_url").GetString());
        Assert.Equal("automatic", settings.GetProperty("invocation_type").GetString());
        Assert.Equal(["http://localhost:8092"], Strings(settings.GetProperty("trusted_origins")));
        Assert.Equal(["email_one_time_password", "software_passkey", "webauthn_passkey"], Methods(settings).Order());
    }

    [Fact]
    public async Task Create_EmbeddedWithEveryField_KeepsThem()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync(Configs(access), Api.Json("""
            {"authenticator_config":{"display_name":"Manual","config":{"type":"embedded","invoke_url":"myapp://","invocation_type":"manual",
              "trusted_origins":["https://app.test","http://localhost:3000","https://app.test"],"authentication_methods":[{"type":"webauthn_passkey"}]}}}
            """));

        var settings = (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("config");
        Assert.Equal("myapp://", settings.GetProperty("invoke_url").GetString());
        Assert.Equal("manual", settings.GetProperty("invocation_type").GetString());
        Assert.Equal(["https://app.test", "http://localhost:3000"], Strings(settings.GetProperty("trusted_origins")));
        Assert.Equal(["webauthn_passkey"], Methods(settings));
    }

    [Fact]
    public async Task Create_HostedWeb_Returns200WithoutEmbeddedFields()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync(Configs(access), Api.Json("""
            {"authenticator_config":{"display_name":"Hosted","config":{"type":"hosted_web","invoke_url":"https://ignored.test",
              "trusted_origins":["https://app.test"],"authentication_methods":[{"type":"webauthn_passkey"},{"type":"email_one_time_password"}]}}}
            """));

        var config = await Api.ReadJsonAsync(response, expectedStatus: 200);
        var settings = config.GetProperty("config");
        Wire.AssertProperties(settings, "type", "trusted_origins", "authentication_methods");
        Assert.Equal("hosted_web", settings.GetProperty("type").GetString());
        Assert.Equal(["https://app.test"], Strings(settings.GetProperty("trusted_origins")));
        Assert.Equal(["webauthn_passkey", "email_one_time_password"], Methods(settings));
    }

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task Create_InvalidField_Returns400NamingFieldAndStoresNothing(string body, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var before = await Api.CountAsync(client, Configs(access));

        using var response = await client.PostAsync(Configs(access), Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        Assert.Equal(before, await Api.CountAsync(client, Configs(access)));
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Create_MalformedJson_Returns400AndStoresNothing(string body)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var before = await Api.CountAsync(client, Configs(access));

        using var response = await client.PostAsync(Configs(access), Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal(before, await Api.CountAsync(client, Configs(access)));
    }

    [Fact]
    public async Task Get_Created_ReturnsSameConfig()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateAsync(client, access);

        using var response = await client.GetAsync($"{Configs(access)}/{Wire.Id(created)}");

        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(response, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Get_Unknown_Returns404NotFound()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.GetAsync($"{Configs(access)}/{RandomId}");

        await Api.AssertNotFoundAsync(response, "AuthenticatorConfig", RandomId);
    }

    [Fact]
    public async Task List_SeveralPages_ReturnsEveryConfigOnceWithTotalSize()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var expected = new List<string> { access.AuthenticatorConfigId };
        for (var i = 0; i < 4; i++)
        {
            expected.Add(Wire.Id(await CreateAsync(client, access)));
        }

        await Wire.AssertPagesCoverAsync(client, Configs(access), "authenticator_configs", expected);
    }

    [Fact]
    public async Task List_PageSizeAboveMaximum_IsClampedTo100()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        await server.UseDbAsync(async db =>
        {
            var now = server.Time.GetUtcNow();
            for (var i = 0; i < 101; i++)
            {
                db.AuthenticatorConfigs.Add(new Passbind.Storage.Entities.AuthenticatorConfig
                {
                    Id = Guid.NewGuid().ToString(),
                    TenantId = access.TenantId,
                    RealmId = access.RealmId,
                    DisplayName = $"Config {i}",
                    Type = "embedded",
                    InvokeUrl = "https://app.test",
                    InvocationType = "automatic",
                    TrustedOriginsJson = """["https://app.test"]""",
                    AuthenticationMethodsJson = """["webauthn_passkey"]""",
                    CreateTime = now,
                    UpdateTime = now,
                });
            }

            await db.SaveChangesAsync();
        });

        var page = await Wire.ListAsync(client, Configs(access), "authenticator_configs", "page_size=500");

        Assert.Equal(100, page.Items.Count);
        Assert.Equal(102, page.TotalSize);
        Assert.NotNull(page.NextPageToken);
    }

    public static TheoryData<string, string> InvalidListQueries => ListQueries.Invalid("type%20eq%20%22embedded%22");

    [Theory]
    [MemberData(nameof(InvalidListQueries))]
    [InlineData("page_token=AAAA", "page_token")]
    public async Task List_InvalidQuery_Returns400NamingParameter(string query, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.GetAsync($"{Configs(access)}?{query}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
    }

    [Fact]
    public async Task List_PageTokenOfAnotherRealm_Returns400()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        await CreateAsync(client, access);
        var token = await Wire.FirstPageTokenAsync(client, Configs(access), "authenticator_configs");
        var sibling = await server.CreateRealmAsync(access.TenantId, realmOnlyToken: false);

        using var response = await client.GetAsync($"{sibling.RealmPath}/authenticator-configs?page_token={Uri.EscapeDataString(token)}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "page_token");
    }

    [Fact]
    public async Task Update_PartialConfig_MergesWithStoredConfig()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateAsync(client, access, """{"authenticator_config":{"display_name":"Before","config":{"type":"embedded","invoke_url":"https://old.test","invocation_type":"manual","trusted_origins":["https://a.test","https://b.test"],"authentication_methods":[{"type":"software_passkey"}]}}}""");
        server.Time.Advance(TimeSpan.FromSeconds(1));

        // The spec's own PATCH example: a partial config without type.
        using var response = await client.PatchAsync($"{Configs(access)}/{Wire.Id(created)}",
            Api.Json("""{"authenticator_config":{"display_name":"After","config":{"invoke_url":"http://localhost:8092"}}}"""));

        var updated = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(Wire.Id(created), Wire.Id(updated));
        Assert.Equal("After", updated.GetProperty("display_name").GetString());
        var settings = updated.GetProperty("config");
        Assert.Equal("embedded", settings.GetProperty("type").GetString());
        Assert.Equal("http://localhost:8092", settings.GetProperty("invoke_url").GetString());
        Assert.Equal("manual", settings.GetProperty("invocation_type").GetString());
        Assert.Equal(["https://a.test", "https://b.test"], Strings(settings.GetProperty("trusted_origins")));
        Assert.Equal(["software_passkey"], Methods(settings));
        using var fetched = await client.GetAsync($"{Configs(access)}/{Wire.Id(created)}");
        Assert.Equal(updated.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Update_TrustedOriginsOnly_ReplacesListAndKeepsTheRest()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateAsync(client, access);

        using var response = await client.PatchAsync($"{Configs(access)}/{Wire.Id(created)}",
            Api.Json("""{"authenticator_config":{"config":{"type":"embedded","trusted_origins":["https://new.test"]}}}"""));

        var updated = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.Equal(created.GetProperty("display_name").GetString(), updated.GetProperty("display_name").GetString());
        Assert.Equal(["https://new.test"], Strings(updated.GetProperty("config").GetProperty("trusted_origins")));
        Assert.Equal(created.GetProperty("config").GetProperty("invoke_url").GetString(), updated.GetProperty("config").GetProperty("invoke_url").GetString());
    }

    [Theory]
    [InlineData("""{"authenticator_config":{"config":{"type":"hosted_web"}}}""", "authenticator_config.config.type")]
    [InlineData("""{"authenticator_config":{"config":{"trusted_origins":["https://x/"]}}}""", "authenticator_config.config.trusted_origins[0]")]
    [InlineData("""{"authenticator_config":{"config":{"trusted_origins":[]}}}""", "authenticator_config.config.trusted_origins")]
    [InlineData("""{"authenticator_config":{"config":{"invoke_url":"https://app.test/#fragment"}}}""", "authenticator_config.config.invoke_url")]
    [InlineData("""{"authenticator_config":{"config":{"invoke_url":"javascript:alert(1)"}}}""", "authenticator_config.config.invoke_url")]
    [InlineData("""{"authenticator_config":{"config":{"invocation_type":"AUTOMATIC"}}}""", "authenticator_config.config.invocation_type")]
    [InlineData("""{"authenticator_config":{"display_name":""}}""", "authenticator_config.display_name")]
    [InlineData("""{"authenticator_config":null}""", "authenticator_config")]
    public async Task Update_InvalidField_Returns400AndKeepsConfig(string body, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateAsync(client, access);
        var path = $"{Configs(access)}/{Wire.Id(created)}";

        using var response = await client.PatchAsync(path, Api.Json(body));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        using var fetched = await client.GetAsync(path);
        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Delete_Existing_Returns200EmptyBodyThen404()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var created = await CreateAsync(client, access);
        var path = $"{Configs(access)}/{Wire.Id(created)}";

        using var response = await client.DeleteAsync(path);
        using var again = await client.GetAsync(path);
        using var deleteAgain = await client.DeleteAsync(path);
        using var patchAfter = await client.PatchAsync(path, Api.Json("""{"authenticator_config":{"display_name":"x"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await Api.AssertErrorAsync(again, HttpStatusCode.NotFound, "not_found");
        await Api.AssertErrorAsync(deleteAgain, HttpStatusCode.NotFound, "not_found");
        await Api.AssertErrorAsync(patchAfter, HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Routes_AnotherTenantsToken_AnswerExactlyLikeRandomIds(string method)
    {
        var victim = await server.CreateTenantAsync();
        using var owner = server.CreateClient(victim.AccessToken);
        var created = await CreateAsync(owner, victim);
        var realId = Wire.Id(created);
        var other = await server.CreateTenantAsync();
        using var intruder = server.CreateClient(other.AccessToken);
        var body = method == "PATCH" ? """{"authenticator_config":{"display_name":"taken over","config":{"trusted_origins":["https://evil.test"]}}}""" : null;

        await Wire.AssertLikeRandomAsync(intruder, method, $"{Configs(victim)}/{realId}", realId, $"{Configs(victim)}/{RandomId}", RandomId, body);
        await Wire.AssertLikeRandomAsync(intruder, method, $"{Configs(other)}/{realId}", realId, $"{Configs(other)}/{RandomId}", RandomId, body);

        using var fetched = await owner.GetAsync($"{Configs(victim)}/{realId}");
        Assert.Equal(created.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task RealmScopedToken_CannotSeeAnotherRealmsConfigs()
    {
        var tenant = await server.CreateTenantAsync();
        var scoped = await server.CreateRealmAsync(tenant.TenantId, realmOnlyToken: true);
        using var client = server.CreateClient(scoped.AccessToken);
        const string unknownRealm = "00000000deadbeef";
        var unknownRealmPath = $"/v1/tenants/{tenant.TenantId}/realms/{unknownRealm}/authenticator-configs";

        await Wire.AssertLikeRandomAsync(client, "GET", Configs(tenant), tenant.RealmId, unknownRealmPath, unknownRealm);
        await Wire.AssertLikeRandomAsync(client, "GET", $"{Configs(tenant)}/{tenant.AuthenticatorConfigId}", tenant.RealmId,
            $"{unknownRealmPath}/{tenant.AuthenticatorConfigId}", unknownRealm);
        await Wire.AssertLikeRandomAsync(client, "POST", Configs(tenant), tenant.RealmId, unknownRealmPath, unknownRealm, EmbeddedBody);
        // Its own realm's config by the other realm's config id: like a random id.
        await Wire.AssertLikeRandomAsync(client, "GET", $"{Configs(scoped)}/{tenant.AuthenticatorConfigId}", tenant.AuthenticatorConfigId,
            $"{Configs(scoped)}/{RandomId}", RandomId);
        var own = await Wire.ListAsync(client, Configs(scoped), "authenticator_configs");
        Assert.Equal([scoped.AuthenticatorConfigId], own.Items.Select(Wire.Id));
    }

    [Theory]
    [InlineData("POST", "", "authenticator-configs:read")]
    [InlineData("GET", "", "authenticator-configs:create")]
    [InlineData("GET", "/{c}", "authenticator-configs:update")]
    [InlineData("PATCH", "/{c}", "authenticator-configs:read")]
    [InlineData("DELETE", "/{c}", "authenticator-configs:read authenticator-configs:update")]
    public async Task Routes_TokenWithoutScope_Return403AndChangeNothing(string method, string suffix, string scopes)
    {
        var access = await server.CreateTenantAsync(scopes: scopes.Split(' '));
        var full = await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret);
        using var owner = server.CreateClient(full);
        using var client = server.CreateClient(access.AccessToken);
        var path = Configs(access) + suffix.Replace("{c}", access.AuthenticatorConfigId, StringComparison.Ordinal);
        using var before = await owner.GetAsync($"{Configs(access)}/{access.AuthenticatorConfigId}");
        var original = await Api.ReadJsonAsync(before, expectedStatus: 200);
        var body = method switch
        {
            "POST" => EmbeddedBody,
            "PATCH" => """{"authenticator_config":{"display_name":"Renamed"}}""",
            _ => null,
        };

        var answer = await Wire.SendAsync(client, method, path, body);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("""{"code":"forbidden","message":"forbidden"}""", answer.Body);
        Assert.Equal(1, await Api.CountAsync(owner, Configs(access)));
        using var after = await owner.GetAsync($"{Configs(access)}/{access.AuthenticatorConfigId}");
        Assert.Equal(original.ToString(), (await Api.ReadJsonAsync(after, expectedStatus: 200)).ToString());
    }

    private static string Configs(TenantAccess access) => $"{access.RealmPath}/authenticator-configs";

    private static async Task<JsonElement> CreateAsync(HttpClient client, TenantAccess access, string body = EmbeddedBody)
    {
        using var response = await client.PostAsync(Configs(access), Api.Json(body));
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static List<string> Methods(JsonElement settings) =>
        settings.GetProperty("authentication_methods").EnumerateArray().Select(m =>
        {
            Wire.AssertProperties(m, "type");
            return m.GetProperty("type").GetString()!;
        }).ToList();

    [Fact]
    public async Task Update_MethodsThenOrigins_TheNextCeremonyCallAppliesEachAtOnce()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var path = $"{server.Bootstrap.RealmPath}/authenticator-configs";
        var body = """{"authenticator_config":{"display_name":"Changing","config":{"type":"embedded","invoke_url":"http://localhost","trusted_origins":["ORIGIN"],"authentication_methods":[{"type":"webauthn_passkey"}]}}}""";
        using var created = await ceremony.Management.PostAsync(path, Api.Json(body.Replace("ORIGIN", BindingCeremonyClient.PageOrigin, StringComparison.Ordinal)));
        var configId = Wire.Id(await Api.ReadJsonAsync(created, expectedStatus: 200));
        var link = await ceremony.CreateLinkAsync(authenticatorConfigId: configId);
        using (var refused = await ceremony.PostOptionsAsync(link, "subtle"))
        {
            await Api.AssertErrorAsync(refused, HttpStatusCode.Forbidden, "key_type_not_allowed");
        }

        // The clock does not move: what the ceremony reads must follow the stored config, not its update time.
        await UpdateAsync("""{"authentication_methods":[{"type":"webauthn_passkey"},{"type":"software_passkey"}]}""");
        var options = await ceremony.GetOptionsAsync(link, "subtle");
        await UpdateAsync("""{"trusted_origins":["passbind-sdk://elsewhere"]}""");
        using (var authenticator = BindingCeremonyClient.NewAuthenticator(options))
        using (var refused = await ceremony.PostCompleteAsync(link, authenticator))
        {
            await Api.AssertErrorAsync(refused, HttpStatusCode.Forbidden, "origin_not_allowed");
        }

        await ceremony.CompleteAsync(link, options, origin: "passbind-sdk://elsewhere");

        async Task UpdateAsync(string config)
        {
            using var response = await ceremony.Management.PatchAsync($"{path}/{configId}", Api.Json($$$"""{"authenticator_config":{"config":{{{config}}}}}"""));
            await Api.ReadJsonAsync(response, expectedStatus: 200);
        }
    }

    public sealed class Sqlite(SqliteServer server) : AuthenticatorConfigEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : AuthenticatorConfigEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
