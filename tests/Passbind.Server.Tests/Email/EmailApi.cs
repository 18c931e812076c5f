using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Text.Json;

namespace Passbind.Server.Tests.Email;

/// <summary>The few management calls the email tests make, on the bootstrap tenant.</summary>
internal sealed class EmailApi(HttpClient client, string tenantId, string realmId, string authenticatorConfigId)
{
    public HttpClient Client => client;
    public string TenantId => tenantId;
    public string RealmId => realmId;

    private string Realm => $"/v1/tenants/{tenantId}/realms/{realmId}";

    /// <summary>Starts <paramref name="factory"/>'s server and reads what it wrote to bootstrap.json in <paramref name="dataDirectory"/>.</summary>
    public static async Task<EmailApi> StartAsync(WebApplicationFactory<Program> factory, string dataDirectory)
    {
        var client = factory.CreateClient();
        using var bootstrap = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dataDirectory, "bootstrap.json")));
        var root = bootstrap.RootElement;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", root.GetProperty("api_token").GetString());
        return new EmailApi(
            client,
            root.GetProperty("tenant_id").GetString()!,
            root.GetProperty("realm_id").GetString()!,
            root.GetProperty("authenticator_config_id").GetString()!);
    }

    public async Task<string> CreateIdentityAsync(string? email)
    {
        var username = "user-" + Guid.NewGuid().ToString("N")[..10];
        var traits = new Dictionary<string, string> { ["type"] = "traits_v0", ["username"] = username };
        if (email is not null)
        {
            traits["primary_email_address"] = email;
        }

        using var response = await client.PostAsJsonAsync($"{Realm}/identities", new { identity = new { display_name = username, traits } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> CreateEmailJobAsync(string identityId)
    {
        using var response = await client.PostAsJsonAsync(
            $"{Realm}/identities/{identityId}/credential-binding-jobs",
            new { job = new { delivery_method = "EMAIL", authenticator_config_id = authenticatorConfigId } });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Creates an identity with <paramref name="email"/> and an EMAIL job for it; answers both ids.</summary>
    public async Task<(string IdentityId, string JobId)> CreateIdentityWithEmailJobAsync(string email)
    {
        var identityId = await CreateIdentityAsync(email);
        var (status, body) = await CreateEmailJobAsync(identityId);
        Assert.Equal(HttpStatusCode.OK, status);
        return (identityId, body.GetProperty("credential_binding_job").GetProperty("id").GetString()!);
    }

    public async Task<JsonElement> GetJobAsync(string identityId, string jobId) =>
        (await client.GetFromJsonAsync<JsonElement>($"{Realm}/identities/{identityId}/credential-binding-jobs/{jobId}"));

    public async Task<JsonElement> GetIdentityAsync(string identityId) =>
        await client.GetFromJsonAsync<JsonElement>($"{Realm}/identities/{identityId}");
}
