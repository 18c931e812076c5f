using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Passbind.Client;

/// <summary>
/// Sends management API requests: adds the bearer token, retries once with a fresh token on 401/403 (as bi-cli
/// does), and turns error responses into <see cref="PassbindApiException"/>.
/// </summary>
internal sealed class PassbindConnection
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _httpClient;
    private readonly AccessTokenCache _tokens;

    public PassbindConnection(HttpClient httpClient, PassbindClientOptions options, AccessTokenCache tokens)
    {
        _httpClient = httpClient;
        _tokens = tokens;
        TenantId = options.TenantId;
        DefaultAuthenticatorConfigId = options.AuthenticatorConfigId;
        TenantUrl = $"{PassbindPaths.TrimBase(options.ApiBaseUrl!)}/v1/tenants/{PassbindPaths.Escape(options.TenantId)}";
    }

    public string TenantId { get; }

    public string? DefaultAuthenticatorConfigId { get; }

    /// <summary><c>{api_base_url}/v1/tenants/{tenant_id}</c>.</summary>
    public string TenantUrl { get; }

    public string RealmUrl(string realmId) => $"{TenantUrl}/realms/{PassbindPaths.Escape(realmId)}";

    /// <summary>Serializes <c>{"<paramref name="wrapper"/>": value}</c>, the API's request envelope.</summary>
    public static byte[] Wrap<T>(string wrapper, T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(wrapper);
            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public async Task<T> SendAsync<T>(
        HttpMethod method, string url, byte[]? body, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, url, body, cancellationToken).ConfigureAwait(false);
        var result = await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false);
        return result ?? throw new JsonException($"{method} {url} answered {(int)response.StatusCode} with an empty JSON body.");
    }

    /// <summary>Sends a request whose success response has no body (DELETE answers 200 with an empty body).</summary>
    public async Task SendAsync(HttpMethod method, string url, byte[]? body, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(method, url, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(
        HttpMethod method, string url, byte[]? body, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetTokenAsync(_httpClient, cancellationToken).ConfigureAwait(false);
        var response = await SendOnceAsync(method, url, body, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && _tokens.CanRefresh)
        {
            // The token may have been revoked or lost its scopes before it expired: fetch a new one, once.
            response.Dispose();
            _tokens.Invalidate(token);
            token = await _tokens.GetTokenAsync(_httpClient, cancellationToken).ConfigureAwait(false);
            response = await SendOnceAsync(method, url, body, token, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await PassbindApiException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpMethod method, string url, byte[]? body, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        return await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
