using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Passbind.Testing.Processes;

/// <summary>
/// An OIDC application on a real server, made with the management API as an app's operator would, and the relying
/// party's two HTTP steps around a passkey sign-in: <c>authorize</c> (answered with the authenticate URL) and the code
/// exchange at <c>token</c>. The passkey part in between is the SDK's or the CLI's, which is what the tests are about.
/// </summary>
public sealed record SignInApplication(string Id, string ClientId, string? ClientSecret, string Issuer, string RedirectUri)
{
    /// <summary>Redirects are answered, not followed: authorize's 302 is the authenticate URL.</summary>
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Creates an OIDC application for the authorization code flow with PKCE S256, bound to the server's bootstrap
    /// authenticator config (whose trusted origins include the .NET SDK's default origin).
    /// </summary>
    public static async Task<SignInApplication> CreateAsync(ServerProcess server, bool confidential = true, string? redirectUri = null)
    {
        var bootstrap = server.ReadBootstrap();
        string Value(string name) => bootstrap.GetProperty(name).GetString()!;
        redirectUri ??= $"http://127.0.0.1:9/callback/{Guid.NewGuid():N}";
        var body = new JsonObject
        {
            ["application"] = new JsonObject
            {
                ["display_name"] = "End to end " + Guid.NewGuid().ToString("N")[..8],
                ["authenticator_config_id"] = Value("authenticator_config_id"),
                ["protocol_config"] = new JsonObject
                {
                    ["type"] = "oidc",
                    ["confidentiality"] = confidential ? "confidential" : "public",
                    ["token_endpoint_auth_method"] = confidential ? "client_secret_basic" : "none",
                    ["grant_type"] = new JsonArray("authorization_code"),
                    ["redirect_uris"] = new JsonArray(redirectUri),
                    ["pkce"] = "s256",
                    ["token_configuration"] = new JsonObject { ["subject_field"] = "id", ["expires_after"] = 3600, ["token_signing_algorithm"] = "RS256" },
                },
            },
        };
        using var request = new HttpRequestMessage(
            HttpMethod.Post, $"{Value("api_base_url")}/v1/tenants/{Value("tenant_id")}/realms/{Value("realm_id")}/applications")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Value("api_token"));
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"creating the application answered {(int)response.StatusCode}: {text}");
        var application = JsonNode.Parse(text)!;
        var id = (string)application["id"]!;
        return new SignInApplication(
            id,
            (string)application["protocol_config"]!["client_id"]!,
            (string?)application["protocol_config"]!["client_secret"],
            $"{Value("auth_base_url")}/v1/tenants/{Value("tenant_id")}/realms/{Value("realm_id")}/applications/{id}",
            redirectUri);
    }

    /// <summary>The relying party's side of one sign-in: its PKCE verifier, state and nonce.</summary>
    public sealed record Attempt(string CodeVerifier, string State, string Nonce);

    /// <summary>Starts a sign-in as a relying party does, and returns the authenticate URL authorize redirects to.</summary>
    public async Task<(Attempt Attempt, string AuthenticateUrl)> AuthorizeAsync()
    {
        var attempt = new Attempt(
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
        var challenge = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(attempt.CodeVerifier)));
        var url = $"{Issuer}/authorize?response_type=code&client_id={Uri.EscapeDataString(ClientId)}"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope=openid%20email&state={attempt.State}&nonce={attempt.Nonce}"
            + $"&code_challenge={challenge}&code_challenge_method=S256";
        using var response = await Http.GetAsync(url);
        Assert.True(
            response.StatusCode == HttpStatusCode.Found,
            $"authorize answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (attempt, response.Headers.Location!.ToString());
    }

    /// <summary>
    /// Checks the redirect URL a sign-in produced (this redirect URI, this state) and exchanges its code for tokens;
    /// returns the token response and the id_token's payload.
    /// </summary>
    public async Task<(JsonElement Tokens, JsonElement IdToken)> ExchangeAsync(Attempt attempt, string redirectUrl)
    {
        Assert.StartsWith(RedirectUri + "?", redirectUrl, StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(redirectUrl).Query);
        Assert.Equal(attempt.State, query["state"]);
        var code = query["code"];
        Assert.False(string.IsNullOrEmpty(code), redirectUrl);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Issuer}/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = attempt.CodeVerifier,
                ["client_id"] = ClientId,
            }),
        };
        if (ClientSecret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(ClientId)}:{Uri.EscapeDataString(ClientSecret)}")));
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the token endpoint answered {(int)response.StatusCode}: {text}");
        var tokens = JsonDocument.Parse(text).RootElement.Clone();
        var idToken = tokens.GetProperty("id_token").GetString()!.Split('.')[1];
        return (tokens, JsonDocument.Parse(Base64Url.DecodeFromChars(idToken)).RootElement.Clone());
    }
}
