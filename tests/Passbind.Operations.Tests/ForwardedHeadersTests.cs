using System.Net.Http.Json;
using System.Text.Json;
using Passbind.Client;

namespace Passbind.Operations.Tests;

/// <summary>
/// Forwarded headers believed from the configured proxies only (deploy/nginx.conf): from anyone else a forged
/// X-Forwarded-For is ignored; and whoever sends them, the links the server writes keep its PublicBaseUrl.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string ForgedClient = "203.0.113.7";

    [Theory]
    [InlineData("10.9.9.9", "127.0.0.1")]
    [InlineData("127.0.0.1", ForgedClient)]
    public async Task Request_WithForwardedHeaders_ClientAddressOnlyFromKnownProxy_LinksKeepPublicBaseUrl(string knownProxy, string expectedClient)
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.Sqlite);
        var publicBaseUrl = "https://id.example.com";
        var settings = ReadinessTests.Settings(storage)
            .With("Passbind:PublicBaseUrl", publicBaseUrl)
            .With("Passbind:ForwardedHeaders:KnownProxies:0", knownProxy)
            .With("Logging:Console:FormatterName", "json");
        await using var node = await ServerNode.StartAsync(settings);
        var bootstrap = node.ReadBootstrap();
        var tenant = bootstrap.GetProperty("tenant_id").GetString();
        var realm = bootstrap.GetProperty("realm_id").GetString();
        using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", bootstrap.GetProperty("api_token").GetString());
        http.DefaultRequestHeaders.Add("X-Forwarded-For", ForgedClient);
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "http");
        http.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        var username = $"fwd-{Guid.NewGuid():N}"[..20];

        using var created = await http.PostAsJsonAsync($"/v1/tenants/{tenant}/realms/{realm}/identities", new { identity = new { display_name = username, traits = new { type = "traits_v0", username } } });
        var identityId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var link = await http.PostAsJsonAsync(
            $"/v1/tenants/{tenant}/realms/{realm}/identities/{identityId}/credential-binding-jobs",
            new { job = new { delivery_method = "RETURN", authenticator_config_id = bootstrap.GetProperty("authenticator_config_id").GetString() } });

        Assert.True(link.IsSuccessStatusCode, await link.Content.ReadAsStringAsync());
        var bindingLink = JsonDocument.Parse(await link.Content.ReadAsStringAsync()).RootElement.GetProperty("credential_binding_link").GetString();
        Assert.StartsWith($"{publicBaseUrl}/v1/tenants/{tenant}/realms/{realm}/identities/{identityId}/credential-binding-jobs/", bindingLink, StringComparison.Ordinal);
        await BackupRestoreTests.WaitForAsync(() => node.Output.Contains(identityId!, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var logged = ConfigurationCheckTests.Lines(node.Output)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(line => line.GetProperty("Message").GetString() == $"Created identity {identityId} in realm {realm}");
        var client = logged.GetProperty("Scopes").EnumerateArray().Single(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("ClientAddress", out _));
        Assert.Equal(expectedClient, client.GetProperty("ClientAddress").GetString());
    }
}
