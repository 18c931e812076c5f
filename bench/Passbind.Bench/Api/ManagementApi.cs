using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Passbind.Bench.Server;

namespace Passbind.Bench.Api;

/// <summary>The management calls the scenarios time, over one pooled HTTP/1.1 client to 127.0.0.1.</summary>
internal sealed class ManagementApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly Bootstrap _bootstrap;
    private readonly string _realmPath;

    public ManagementApi(Bootstrap bootstrap, HttpMessageHandler handler)
    {
        _bootstrap = bootstrap;
        _http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bootstrap.ApiToken);
        _realmPath = $"{bootstrap.ApiBaseUrl}/v1/tenants/{bootstrap.TenantId}/realms/{bootstrap.RealmId}";
    }

    /// <summary>One handler for every client of a run: connections are reused and never leave 127.0.0.1.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        MaxConnectionsPerServer = 1024,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AllowAutoRedirect = false,
        UseCookies = false,
    };

    public static string Username(long n) => $"bench-{n}";

    public async Task<string> CreateIdentityAsync(string username, CancellationToken cancellationToken)
    {
        var body = new
        {
            identity = new
            {
                display_name = $"Bench {username}",
                traits = new { type = "traits_v0", username, primary_email_address = $"{username}@example.com" },
            },
        };
        using var response = await _http.PostAsJsonAsync(new Uri($"{_realmPath}/identities"), body, cancellationToken);
        using var json = await ReadAsync(response, cancellationToken);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<string> CreateLinkAsync(string identityId, string deliveryMethod, CancellationToken cancellationToken)
    {
        var body = new
        {
            job = new
            {
                delivery_method = deliveryMethod,
                authenticator_config_id = _bootstrap.AuthenticatorConfigId,
                post_binding_redirect_uri = "http://example.com/bound",
            },
        };
        using var response = await _http.PostAsJsonAsync(new Uri($"{_realmPath}/identities/{identityId}/credential-binding-jobs"), body, cancellationToken);
        using var json = await ReadAsync(response, cancellationToken);
        return json.RootElement.TryGetProperty("credential_binding_link", out var link) && link.ValueKind == JsonValueKind.String
            ? link.GetString()!
            : json.RootElement.GetProperty("credential_binding_job").GetProperty("id").GetString()!;
    }

    /// <summary>Looks an identity up by username; an answer with other than exactly one match is an error.</summary>
    public async Task LookupAsync(string username, CancellationToken cancellationToken)
    {
        var filter = Uri.EscapeDataString($"traits.username eq \"{username}\"");
        using var response = await _http.GetAsync(new Uri($"{_realmPath}/identities?filter={filter}"), cancellationToken);
        using var json = await ReadAsync(response, cancellationToken);
        if (json.RootElement.GetProperty("identities").GetArrayLength() != 1)
        {
            throw new InvalidOperationException($"lookup of {username} did not find exactly one identity");
        }
    }

    public async Task ListCredentialsAsync(string identityId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"{_realmPath}/identities/{identityId}/credentials"), cancellationToken);
        using var json = await ReadAsync(response, cancellationToken);
    }

    /// <summary>Whether the server answers a route at all (a feature that has not landed answers 404 with no body).</summary>
    public async Task<bool> HasRouteAsync(HttpMethod method, string relativePath, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri($"{_realmPath}/{relativePath}"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}", null, response.StatusCode);
        }

        return JsonDocument.Parse(bytes);
    }
}
