using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Passbind.Client;

/// <summary>
/// Holds the bearer token for one set of <see cref="PassbindClientOptions"/>: either the static <c>api_token</c>, or a
/// token obtained by client credentials, cached until shortly before <c>expires_in</c> and refreshed one request at a
/// time however many callers need it.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The SemaphoreSlim never allocates a wait handle (only WaitAsync is used), so it holds nothing to release; being IDisposable would make DI track every transient client.")]
internal sealed class AccessTokenCache
{
    private readonly TimeProvider timeProvider;
    private readonly SemaphoreSlim refreshLock = new(1, 1);
    private readonly string? staticToken;
    private readonly string? tokenUrl;
    private readonly string? basicCredentials;
    private readonly string? scope;
    private readonly TimeSpan refreshMargin;
    private CachedToken? current;

    public AccessTokenCache(PassbindClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        PassbindClientOptionsValidator.ThrowIfInvalid(options);
        this.timeProvider = timeProvider;
        refreshMargin = options.TokenRefreshMargin;
        scope = string.IsNullOrWhiteSpace(options.Scope) ? null : options.Scope;
        if (options.UsesClientCredentials)
        {
            var authBase = PassbindPaths.TrimBase(options.AuthBaseUrl ?? options.ApiBaseUrl!);
            tokenUrl = $"{authBase}/v1/tenants/{PassbindPaths.Escape(options.TenantId)}/realms/{PassbindPaths.Escape(options.RealmId)}"
                + $"/applications/{PassbindPaths.Escape(options.ManagementApplicationId!)}/token";
            // client_secret_basic as Beyond Identity's own clients send it: base64("id:secret") without form-encoding
            // the parts first (their ids and secrets are URL-safe, so RFC 6749 §2.3.1's encoding changes nothing).
            basicCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}"));
        }
        else
        {
            staticToken = options.ApiToken;
        }
    }

    /// <summary>Whether a rejected token can be replaced (client credentials) or not (a static token).</summary>
    public bool CanRefresh => staticToken is null;

    /// <summary>Returns a token that is not known to be expired, fetching one if needed.</summary>
    public async ValueTask<string> GetTokenAsync(HttpClient httpClient, CancellationToken cancellationToken)
    {
        if (staticToken is not null)
        {
            return staticToken;
        }

        var token = Volatile.Read(ref current);
        if (token is not null && timeProvider.GetUtcNow() < token.RefreshAt)
        {
            return token.Value;
        }

        await refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            token = Volatile.Read(ref current);
            if (token is not null && timeProvider.GetUtcNow() < token.RefreshAt)
            {
                return token.Value;
            }

            token = await RequestTokenAsync(httpClient, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref current, token);
            return token.Value;
        }
        finally
        {
            refreshLock.Release();
        }
    }

    /// <summary>
    /// Forgets <paramref name="rejectedToken"/> after the server refused it, unless a newer token already replaced it
    /// (so that many concurrent 401s cause one refresh, not many).
    /// </summary>
    public void Invalidate(string rejectedToken)
    {
        var token = Volatile.Read(ref current);
        if (token is not null && token.Value == rejectedToken)
        {
            Interlocked.CompareExchange(ref current, null, token);
        }
    }

    private async Task<CachedToken> RequestTokenAsync(HttpClient httpClient, CancellationToken cancellationToken)
    {
        var requestedAt = timeProvider.GetUtcNow();
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (scope is not null)
        {
            form.Add(new("scope", scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basicCredentials);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = new FormUrlEncodedContent(form);

        using var response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await PassbindApiException.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var body = await response.Content.ReadFromJsonAsync(PassbindJsonContext.Default.TokenResponse, cancellationToken)
            .ConfigureAwait(false);
        if (body is null || string.IsNullOrEmpty(body.AccessToken))
        {
            throw new PassbindApiException(response.StatusCode, "invalid_token_response", "The token endpoint returned no access_token.", []);
        }

        // No expires_in: keep the token until the server rejects it (the 401/403 retry replaces it then).
        var refreshAt = DateTimeOffset.MaxValue;
        if (body.ExpiresIn is > 0)
        {
            var lifetime = TimeSpan.FromSeconds(body.ExpiresIn.Value);
            var margin = refreshMargin < lifetime / 2 ? refreshMargin : lifetime / 2;
            refreshAt = requestedAt + lifetime - margin;
        }

        return new CachedToken(body.AccessToken, refreshAt);
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
