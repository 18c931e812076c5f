using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Passbind.Bench.Server;

namespace Passbind.Bench.Api;

/// <summary>
/// The relying party's side of the sign-in scenario: an OIDC application made with the management API (confidential,
/// <c>client_secret_basic</c>, code flow with PKCE S256, on the bootstrap authenticator config), then the two HTTP steps a
/// relying party takes around the passkey part: <c>authorize</c>, answered with a 302 to the authenticate URL, and the
/// code exchange at <c>token</c>. The id_token's signature is not checked here: the driver measures the server.
/// </summary>
internal sealed class RelyingParty : IDisposable
{
    /// <summary>Never dialled: the code comes back in the SDK's answer, not through a browser.</summary>
    private const string RedirectUri = "http://127.0.0.1:9/bench/callback";

    private readonly HttpClient _http;
    private readonly string _issuer;
    private readonly string _clientId;
    private readonly AuthenticationHeaderValue _clientAuthentication;

    private RelyingParty(HttpClient http, string issuer, string clientId, string clientSecret)
    {
        _http = http;
        _issuer = issuer;
        _clientId = clientId;
        _clientAuthentication = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));
    }

    /// <summary>One sign-in's secrets, as the relying party keeps them between authorize and the code exchange.</summary>
    public sealed record Attempt(string CodeVerifier, string State, string Nonce);

    public static async Task<RelyingParty> CreateAsync(Bootstrap bootstrap, HttpMessageHandler handler, CancellationToken cancellationToken)
    {
        var http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var body = new
            {
                application = new
                {
                    display_name = "Bench relying party",
                    authenticator_config_id = bootstrap.AuthenticatorConfigId,
                    protocol_config = new
                    {
                        type = "oidc",
                        confidentiality = "confidential",
                        token_endpoint_auth_method = "client_secret_basic",
                        grant_type = new[] { "authorization_code" },
                        redirect_uris = new[] { RedirectUri },
                        pkce = "s256",
                        token_configuration = new { subject_field = "id", expires_after = 3600, token_signing_algorithm = "RS256" },
                    },
                },
            };
            using var request = new HttpRequestMessage(HttpMethod.Post,
                new Uri($"{bootstrap.ApiBaseUrl}/v1/tenants/{bootstrap.TenantId}/realms/{bootstrap.RealmId}/applications"))
            {
                Content = JsonContent.Create(body),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bootstrap.ApiToken);
            using var response = await http.SendAsync(request, cancellationToken);
            using var json = await ReadOkAsync(response, "creating the application", cancellationToken);
            var id = json.RootElement.GetProperty("id").GetString()!;
            var protocol = json.RootElement.GetProperty("protocol_config");
            return new RelyingParty(
                http,
                $"{bootstrap.AuthBaseUrl}/v1/tenants/{bootstrap.TenantId}/realms/{bootstrap.RealmId}/applications/{id}",
                protocol.GetProperty("client_id").GetString()!,
                protocol.GetProperty("client_secret").GetString()!);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>Starts a sign-in: a new verifier, state and nonce, and the authenticate URL authorize redirects to.</summary>
    public async Task<(Attempt Attempt, string AuthenticateUrl)> AuthorizeAsync(CancellationToken cancellationToken)
    {
        var attempt = new Attempt(NewSecret(32), NewSecret(16), NewSecret(16));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(attempt.CodeVerifier)));
        var url = $"{_issuer}/authorize?response_type=code&client_id={Uri.EscapeDataString(_clientId)}"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope=openid&state={attempt.State}&nonce={attempt.Nonce}"
            + $"&code_challenge={challenge}&code_challenge_method=S256";
        using var response = await _http.GetAsync(new Uri(url), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location is not { } location)
        {
            throw new HttpRequestException($"authorize answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (attempt, location.ToString());
    }

    /// <summary>
    /// Checks the redirect URL a sign-in ended with (this redirect URI, this state, this issuer) and exchanges its code,
    /// with the PKCE verifier, for an access token and an id_token.
    /// </summary>
    public async Task ExchangeAsync(Attempt attempt, string redirectUrl, CancellationToken cancellationToken)
    {
        if (!redirectUrl.StartsWith(RedirectUri + "?", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the sign-in redirected elsewhere: {redirectUrl}");
        }

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(redirectUrl).Query);
        if (query["state"] != attempt.State || query["iss"] != _issuer || query["code"] is not { Length: > 0 } code)
        {
            throw new InvalidOperationException("the sign-in's redirect lacks the code, or its state or issuer differs");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_issuer}/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = attempt.CodeVerifier,
            }),
        };
        request.Headers.Authorization = _clientAuthentication;
        using var response = await _http.SendAsync(request, cancellationToken);
        using var tokens = await ReadOkAsync(response, "the code exchange", cancellationToken);
        if (!tokens.RootElement.TryGetProperty("id_token", out var idToken) || idToken.GetString() is not { Length: > 0 }
            || !tokens.RootElement.TryGetProperty("access_token", out var accessToken) || accessToken.GetString() is not { Length: > 0 })
        {
            throw new InvalidOperationException("the token endpoint answered without an id_token or an access token");
        }
    }

    public void Dispose() => _http.Dispose();

    private static string NewSecret(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));

    private static async Task<JsonDocument> ReadOkAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{what} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}", null, response.StatusCode);
        }

        return JsonDocument.Parse(bytes);
    }
}
