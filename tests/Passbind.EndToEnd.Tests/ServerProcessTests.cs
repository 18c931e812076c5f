using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Passbind.EndToEnd.Tests;

/// <summary>The server started as a real process, the way the README says, and used the way a user would.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task Start_FreshDataDirectory_ServesApiWithBootstrapToken()
    {
        await using var server = await ServerProcess.StartAsync();
        var bootstrap = server.ReadBootstrap();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bootstrap.GetProperty("api_token").GetString());
        var realmPath = $"/v1/tenants/{bootstrap.GetProperty("tenant_id").GetString()}/realms/{bootstrap.GetProperty("realm_id").GetString()}";
        var username = $"e2e-{Guid.NewGuid():N}"[..20];
        var body = JsonSerializer.Serialize(new { identity = new { display_name = username, traits = new { type = "traits_v0", username } } });

        using var created = await client.PostAsync($"{realmPath}/identities", new StringContent(body, Encoding.UTF8, "application/json"));
        using var listed = await client.GetAsync($"{realmPath}/identities?filter={Uri.EscapeDataString($"traits.username eq \"{username}\"")}");

        Assert.Equal(server.BaseUrl, bootstrap.GetProperty("api_base_url").GetString());
        Assert.True(created.StatusCode == HttpStatusCode.OK, $"create answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{server.Output}");
        using var list = JsonDocument.Parse(await listed.Content.ReadAsStringAsync());
        Assert.Equal(1, list.RootElement.GetProperty("total_size").GetInt32());
    }

    [Fact]
    public async Task Start_FreshDataDirectory_RawMalformedAuthorizationAnswers401()
    {
        await using var server = await ServerProcess.StartAsync();
        var bootstrap = server.ReadBootstrap();
        var uri = new Uri(server.BaseUrl);
        var path = $"/v1/tenants/{bootstrap.GetProperty("tenant_id").GetString()}/realms/{bootstrap.GetProperty("realm_id").GetString()}/identities";

        // Written on the socket by hand: HttpClient would normalise these headers away (catalogue #55).
        foreach (var header in new[] { $"Bearer  {bootstrap.GetProperty("api_token").GetString()}", "Bearer", "Basic dXNlcjpwYXNz" })
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(uri.Host, uri.Port);
            await using var stream = tcp.GetStream();
            var request = $"GET {path} HTTP/1.1\r\nHost: {uri.Authority}\r\nAuthorization: {header}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            using var reader = new StreamReader(stream, Encoding.ASCII);
            var response = await reader.ReadToEndAsync();

            Assert.StartsWith("HTTP/1.1 401", response, StringComparison.Ordinal);
            Assert.Contains("WWW-Authenticate: Bearer", response, StringComparison.OrdinalIgnoreCase);
        }
    }
}
