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
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly string? _staticToken;
    private readonly string? _tokenUrl;
    private readonly string? _basicCredentials;
    private readonly string? _scope;
    private readonly TimeSpan _refreshMargin;
    private CachedToken? _current;

    public AccessTokenCache(PassbindClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        PassbindClientOptionsValidator.ThrowIfInvalid(options);
        _timeProvider = timeProvider;
        _refreshMargin = options.TokenRefreshMargin;
        _scope = string.IsNullOrWhiteSpace(options.Scope) ? null : options.Scope;
        if (options.UsesClientCredentials)
        {
            var authBase = PassbindPaths.TrimBase(options.AuthBaseUrl ?? options.ApiBaseUrl!);
            _tokenUrl = $"{authBase}/v1/tenants/{PassbindPaths.Escape(options.TenantId)}/realms/{PassbindPaths.Escape(options.RealmId)}"
                + $"/applications/{PassbindPaths.Escape(options.ManagementApplicationId!)}/token";
            // client_secret_basic as Beyond Identity's own clients send it: base64("id:secret") without form-encoding
            // the parts first (their ids and secrets are URL-safe, so RFC 6749 §2.3.1's encoding changes nothing).
            _basicCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.ClientId}:{options.ClientSecret}"));
        }
        else
        {
            _staticToken = options.ApiToken;
        }
    }

    /// <summary>Whether a rejected token can be replaced (client credentials) or not (a static token).</summary>
    public bool CanRefresh => _staticToken is null;

    /// <summary>Returns a token that is not known to be expired, fetching one if needed.</summary>
    public async ValueTask<string> GetTokenAsync(HttpClient httpClient, CancellationToken cancellationToken)
    {
        if (_staticToken is not null)
        {
            return _staticToken;
        }

        var token = Volatile.Read(ref _current);
        if (token is not null && _timeProvider.GetUtcNow() < token.RefreshAt)
        {
            return token.Value;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            token = Volatile.Read(ref _current);
            if (token is not null && _timeProvider.GetUtcNow() < token.RefreshAt)
            {
                return token.Value;
            }

            token = await RequestTokenAsync(httpClient, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, token);
            return token.Value;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>
    /// Forgets <paramref name="rejectedToken"/> after the server refused it, unless a newer token already replaced it
    /// (so that many concurrent 401s cause one refresh, not many).
    /// </summary>
    public void Invalidate(string rejectedToken)
    {
        var token = Volatile.Read(ref _current);
        if (token is not null && token.Value == rejectedToken)
        {
            Interlocked.CompareExchange(ref _current, null, token);
        }
    }

    private async Task<CachedToken> RequestTokenAsync(HttpClient httpClient, CancellationToken cancellationToken)
    {
        var requestedAt = _timeProvider.GetUtcNow();
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (_scope is not null)
        {
            form.Add(new("scope", _scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basicCredentials);
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
            var margin = _refreshMargin < lifetime / 2 ? _refreshMargin : lifetime / 2;
            refreshAt = requestedAt + lifetime - margin;
        }

        return new CachedToken(body.AccessToken, refreshAt);
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
