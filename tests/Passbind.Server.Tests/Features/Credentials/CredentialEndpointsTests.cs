using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Credentials;

/// <summary>
/// Credentials (beyond-identity-api.md §3.4): list (one identity or <c>-</c>), get, revoke. The rows are stored
/// through the server's DbContext exactly as a binding stores them (<see cref="ServerDatabase.InsertCredentialAsync"/>).
/// </summary>
public abstract class CredentialEndpointsTests(PassbindServer server)
{
    private const string RandomId = "00000000deadbeef";

    [Fact]
    public async Task List_OneIdentity_ReturnsItsCredentialsInSpecShape()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = await NewIdentityAsync(client, access);
        var stored = await BindAsync(client, access, identityId);

        var page = await Wire.ListAsync(client, Credentials(access, identityId), "credentials");

        var credential = Assert.Single(page.Items);
        Assert.Equal(1, page.TotalSize);
        Assert.Null(page.NextPageToken);
        Wire.AssertProperties(credential, "id", "identity_id", "realm_id", "tenant_id", "state", "csr_type", "jwk_json", "jwk_thumbprint", "create_time", "update_time");
        Assert.Equal(stored.Id, Wire.Id(credential));
        Assert.Matches("^[0-9a-f]{16}$", Wire.Id(credential));
        Assert.Equal(identityId, credential.GetProperty("identity_id").GetString());
        Assert.Equal(access.RealmId, credential.GetProperty("realm_id").GetString());
        Assert.Equal(access.TenantId, credential.GetProperty("tenant_id").GetString());
        Assert.Equal("ACTIVE", credential.GetProperty("state").GetString());
        Assert.Equal("WEBAUTHN", credential.GetProperty("csr_type").GetString());
        Wire.AssertTimestamp(credential, "create_time");
        Wire.AssertTimestamp(credential, "update_time");

        // jwk_json is a string holding the JWK, and the thumbprint is RFC 7638's, base64url without padding.
        Assert.Equal(JsonValueKind.String, credential.GetProperty("jwk_json").ValueKind);
        var jwkJson = credential.GetProperty("jwk_json").GetString()!;
        using var jwk = JsonDocument.Parse(jwkJson);
        Assert.Equal("EC", jwk.RootElement.GetProperty("kty").GetString());
        Assert.Equal("P-256", jwk.RootElement.GetProperty("crv").GetString());
        Assert.Equal(32, Base64Url.DecodeFromChars(jwk.RootElement.GetProperty("x").GetString()).Length);
        var thumbprint = credential.GetProperty("jwk_thumbprint").GetString()!;
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(jwkJson))), thumbprint);
        Assert.DoesNotContain('=', thumbprint);
    }

    [Fact]
    public async Task List_Wildcard_ReturnsEveryIdentitysCredentialsOfTheRealmOnly()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var first = await NewIdentityAsync(client, access);
        var second = await NewIdentityAsync(client, access);
        var expected = new[]
        {
            (await BindAsync(client, access, first)).Id,
            (await BindAsync(client, access, first)).Id,
            (await BindAsync(client, access, second)).Id,
        };
        var sibling = await server.CreateRealmAsync(access.TenantId, realmOnlyToken: false);
        using var siblingClient = server.CreateClient(sibling.AccessToken);
        await BindAsync(siblingClient, sibling, await NewIdentityAsync(siblingClient, sibling));

        var all = await Wire.ListAsync(client, Credentials(access, "-"), "credentials");
        var ofFirst = await Wire.ListAsync(client, Credentials(access, first), "credentials");

        Assert.Equal(expected.Order(), all.Items.Select(Wire.Id).Order());
        Assert.Equal(3, all.TotalSize);
        Assert.Equal(expected.Take(2).Order(), ofFirst.Items.Select(Wire.Id).Order());
        Assert.Equal(2, ofFirst.TotalSize);
    }

    [Fact]
    public async Task List_IdentityWithoutCredentials_ReturnsEmptyList()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = await NewIdentityAsync(client, access);

        using var response = await client.GetAsync(Credentials(access, identityId));

        var list = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(list, "credentials", "total_size");
        Assert.Empty(list.GetProperty("credentials").EnumerateArray());
        Assert.Equal(0, list.GetProperty("total_size").GetInt32());
    }

    [Fact]
    public async Task List_SeveralPages_ReturnsEveryCredentialOnceWithTotalSize()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var first = await NewIdentityAsync(client, access);
        var second = await NewIdentityAsync(client, access);
        var expected = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            expected.Add((await server.InsertCredentialAsync(access.TenantId, access.RealmId, i < 3 ? first : second)).Id);
        }

        await Wire.AssertPagesCoverAsync(client, Credentials(access, "-"), "credentials", expected);
        var clamped = await Wire.ListAsync(client, Credentials(access, "-"), "credentials", "page_size=1000");

        Assert.Equal(5, clamped.Items.Count);
        Assert.Null(clamped.NextPageToken);
    }

    public static TheoryData<string, string> InvalidListQueries => ListQueries.Invalid("state%20eq%20%22ACTIVE%22");

    [Theory]
    [MemberData(nameof(InvalidListQueries))]
    [InlineData("page_token=bm9wZQ", "page_token")]
    public async Task List_InvalidQuery_Returns400NamingParameter(string query, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.GetAsync($"{Credentials(access, "-")}?{query}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
    }

    [Fact]
    public async Task List_PageTokenOfAnotherCollectionOrTenant_Returns400()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = await NewIdentityAsync(client, access);
        await server.InsertCredentialAsync(access.TenantId, access.RealmId, identityId);
        await server.InsertCredentialAsync(access.TenantId, access.RealmId, identityId);
        var wildcardToken = await Wire.FirstPageTokenAsync(client, Credentials(access, "-"), "credentials");
        var other = await server.CreateTenantAsync();
        using var otherClient = server.CreateClient(other.AccessToken);
        var otherIdentity = await NewIdentityAsync(otherClient, other);
        await server.InsertCredentialAsync(other.TenantId, other.RealmId, otherIdentity);
        await server.InsertCredentialAsync(other.TenantId, other.RealmId, otherIdentity);
        var foreignToken = await Wire.FirstPageTokenAsync(otherClient, Credentials(other, "-"), "credentials");

        using var crossCollection = await client.GetAsync($"{Credentials(access, identityId)}?page_token={Uri.EscapeDataString(wildcardToken)}");
        using var crossTenant = await client.GetAsync($"{Credentials(access, "-")}?page_token={Uri.EscapeDataString(foreignToken)}");

        await Api.AssertErrorAsync(crossCollection, HttpStatusCode.BadRequest, "bad_request", "page_token");
        await Api.AssertErrorAsync(crossTenant, HttpStatusCode.BadRequest, "bad_request", "page_token");
    }

    [Fact]
    public async Task Get_Existing_ReturnsSameCredentialAsList()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = await NewIdentityAsync(client, access);
        var stored = await BindAsync(client, access, identityId);
        var listed = Assert.Single((await Wire.ListAsync(client, Credentials(access, identityId), "credentials")).Items);

        using var response = await client.GetAsync($"{Credentials(access, identityId)}/{stored.Id}");

        Assert.Equal(listed.ToString(), (await Api.ReadJsonAsync(response, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Get_UnknownCredentialOrIdentity_Returns404NamingWhatIsMissing()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = await NewIdentityAsync(client, access);
        var otherIdentity = await NewIdentityAsync(client, access);
        var stored = await BindAsync(client, access, identityId);

        using var unknownCredential = await client.GetAsync($"{Credentials(access, identityId)}/{RandomId}");
        using var unknownIdentity = await client.GetAsync($"{Credentials(access, RandomId)}/{stored.Id}");
        using var listUnknownIdentity = await client.GetAsync(Credentials(access, RandomId));

        await Api.AssertNotFoundAsync(unknownCredential, "Credential", RandomId);
        await Api.AssertNotFoundAsync(unknownIdentity, "Identity");
        await Api.AssertNotFoundAsync(listUnknownIdentity, "Identity");

        // Another identity's credential under this identity's path answers like a random id.
        await Wire.AssertLikeRandomAsync(client, "GET", $"{Credentials(access, otherIdentity)}/{stored.Id}", stored.Id, $"{Credentials(access, otherIdentity)}/{RandomId}", RandomId);
    }

    [Fact]
    public async Task Revoke_Active_ReturnsRevokedKeepsItListedAndIsIdempotent()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = await NewIdentityAsync(client, access);
        var stored = await BindAsync(client, access, identityId);
        var path = $"{Credentials(access, identityId)}/{stored.Id}";
        using var before = await client.GetAsync(path);
        var active = await Api.ReadJsonAsync(before, expectedStatus: 200);
        server.Time.Advance(TimeSpan.FromSeconds(7));

        using var response = await client.PostAsync($"{path}:revoke", content: null);
        var revoked = await Api.ReadJsonAsync(response, expectedStatus: 200);
        server.Time.Advance(TimeSpan.FromSeconds(7));
        using var again = await client.PostAsync($"{path}:revoke", Api.Json("{}"));
        using var fetched = await client.GetAsync(path);
        var listed = await Wire.ListAsync(client, Credentials(access, identityId), "credentials");

        Assert.Equal("REVOKED", revoked.GetProperty("state").GetString());
        Assert.Equal(Wire.Time(active, "update_time") + TimeSpan.FromSeconds(7), Wire.Time(revoked, "update_time"));
        foreach (var name in new[] { "id", "identity_id", "realm_id", "tenant_id", "csr_type", "jwk_json", "jwk_thumbprint", "create_time" })
        {
            Assert.Equal(active.GetProperty(name).ToString(), revoked.GetProperty(name).ToString());
        }

        Assert.Equal(revoked.ToString(), (await Api.ReadJsonAsync(again, expectedStatus: 200)).ToString());
        Assert.Equal(revoked.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
        Assert.Equal(revoked.ToString(), Assert.Single(listed.Items).ToString());
    }

    [Fact]
    public async Task Revoke_UnknownCredential_Returns404()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = await NewIdentityAsync(client, access);

        using var response = await client.PostAsync($"{Credentials(access, identityId)}/{RandomId}:revoke", content: null);

        await Api.AssertNotFoundAsync(response, "Credential");
    }

    [Fact]
    public async Task Routes_AnotherTenantsToken_AnswerExactlyLikeRandomIdsAndRevokeNothing()
    {
        var victim = await server.CreateTenantAsync();
        using var owner = server.CreateClient(victim.AccessToken);
        var identityId = await NewIdentityAsync(owner, victim);
        var stored = await BindAsync(owner, victim, identityId);
        var other = await server.CreateTenantAsync();
        using var intruder = server.CreateClient(other.AccessToken);

        foreach (var access in new[] { victim, other })
        {
            await Wire.AssertLikeRandomAsync(intruder, "GET", $"{Credentials(access, identityId)}/{stored.Id}", stored.Id, $"{Credentials(access, identityId)}/{RandomId}", RandomId);
            await Wire.AssertLikeRandomAsync(intruder, "POST", $"{Credentials(access, identityId)}/{stored.Id}:revoke", stored.Id, $"{Credentials(access, identityId)}/{RandomId}:revoke", RandomId);
            await Wire.AssertLikeRandomAsync(intruder, "GET", Credentials(access, identityId), identityId, Credentials(access, RandomId), RandomId);
        }

        Assert.Empty((await Wire.ListAsync(intruder, Credentials(other, "-"), "credentials")).Items);
        using var fetched = await owner.GetAsync($"{Credentials(victim, identityId)}/{stored.Id}");
        Assert.Equal("ACTIVE", (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task RealmScopedToken_CannotSeeAnotherRealmsCredentials()
    {
        var tenant = await server.CreateTenantAsync();
        using var owner = server.CreateClient(tenant.AccessToken);
        var identityId = await NewIdentityAsync(owner, tenant);
        var stored = await BindAsync(owner, tenant, identityId);
        var scoped = await server.CreateRealmAsync(tenant.TenantId, realmOnlyToken: true);
        using var client = server.CreateClient(scoped.AccessToken);
        const string unknownRealm = "00000000deadbeef";
        string Unknown(string suffix) => $"/v1/tenants/{tenant.TenantId}/realms/{unknownRealm}/identities{suffix}";

        await Wire.AssertLikeRandomAsync(client, "GET", Credentials(tenant, "-"), tenant.RealmId, Unknown("/-/credentials"), unknownRealm);
        await Wire.AssertLikeRandomAsync(client, "GET", $"{Credentials(tenant, identityId)}/{stored.Id}", tenant.RealmId, Unknown($"/{identityId}/credentials/{stored.Id}"), unknownRealm);
        await Wire.AssertLikeRandomAsync(client, "POST", $"{Credentials(tenant, identityId)}/{stored.Id}:revoke", tenant.RealmId, Unknown($"/{identityId}/credentials/{stored.Id}:revoke"), unknownRealm);
        Assert.Empty((await Wire.ListAsync(client, Credentials(scoped, "-"), "credentials")).Items);
        using var fetched = await owner.GetAsync($"{Credentials(tenant, identityId)}/{stored.Id}");
        Assert.Equal("ACTIVE", (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("list", "credentials:revoke")]
    [InlineData("get", "credentials:revoke")]
    [InlineData("revoke", "credentials:read")]
    public async Task Routes_TokenWithoutScope_Return403AndRevokeNothing(string operation, string scopes)
    {
        var access = await server.CreateTenantAsync(scopes: scopes.Split(' '));
        var full = await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret);
        using var owner = server.CreateClient(full);
        var identityId = await NewIdentityAsync(owner, access);
        var stored = await BindAsync(owner, access, identityId);
        var path = $"{Credentials(access, identityId)}/{stored.Id}";
        using var client = server.CreateClient(access.AccessToken);

        var answer = operation switch
        {
            "list" => await Wire.SendAsync(client, "GET", Credentials(access, "-")),
            "get" => await Wire.SendAsync(client, "GET", path),
            _ => await Wire.SendAsync(client, "POST", $"{path}:revoke"),
        };

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("""{"code":"forbidden","message":"forbidden"}""", answer.Body);
        using var fetched = await owner.GetAsync(path);
        Assert.Equal("ACTIVE", (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).GetProperty("state").GetString());
    }

    private static string Credentials(TenantAccess access, string identityId) => $"{access.RealmPath}/identities/{identityId}/credentials";

    private static async Task<string> NewIdentityAsync(HttpClient client, TenantAccess access) =>
        Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));

    /// <summary>A RETURN job through the API, then the credential and the COMPLETE job a successful binding stores.</summary>
    private async Task<Passbind.Storage.Entities.Credential> BindAsync(HttpClient client, TenantAccess access, string identityId)
    {
        using var response = await client.PostAsync($"{access.RealmPath}/identities/{identityId}/credential-binding-jobs",
            Api.Json($$$$"""{"job":{"delivery_method":"RETURN","authenticator_config_id":"{{{{access.AuthenticatorConfigId}}}}"}}"""));
        var job = (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("credential_binding_job");
        return await server.InsertCredentialAsync(access.TenantId, access.RealmId, identityId, Wire.Id(job));
    }

    public sealed class Sqlite(SqliteServer server) : CredentialEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : CredentialEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
