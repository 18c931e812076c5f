using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Passbind.Client;

namespace Passbind.Sample;

/// <summary>
/// Makes sure the Passbind server has an OIDC application for this app's sign-in: a public client (no secret to keep
/// between starts; PKCE S256 protects the code instead) whose only redirect URI is the sample's <c>/signin-oidc</c> and
/// whose authenticator config is the sample's, so that <c>authorize</c> sends the browser to the sample's own
/// <c>/bi-authenticate</c> page. Reuses a matching one, else creates it with the management API's applications
/// endpoint (beyond-identity-api.md §3.7), called here with plain HTTP and JSON, as the seed's examples call the API.
/// </summary>
internal static class SampleApplication
{
    public static async Task<SampleSignIn> EnsureAsync(
        PassbindClientOptions options, Uri publicUrl, string authenticatorConfigId, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.ApiToken) || options.ApiBaseUrl is null)
        {
            throw new InvalidOperationException("bootstrap.json has no api_token or api_base_url, which the sample needs to set up its sign-in.");
        }

        var redirectUri = new Uri(publicUrl, "signin-oidc").ToString();
        var realm = $"{options.ApiBaseUrl.ToString().TrimEnd('/')}/v1/tenants/{Uri.EscapeDataString(options.TenantId)}/realms/{Uri.EscapeDataString(options.RealmId)}/";
        using var http = new HttpClient { BaseAddress = new Uri(realm) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);

        var application = await FindAsync(http, redirectUri, authenticatorConfigId, cancellationToken)
            ?? await CreateAsync(http, publicUrl, redirectUri, authenticatorConfigId, cancellationToken);
        var id = (string)application["id"]!;
        var clientId = (string)application["protocol_config"]!["client_id"]!;
        var authBase = (options.AuthBaseUrl ?? options.ApiBaseUrl).ToString().TrimEnd('/');
        var issuer = $"{authBase}/v1/tenants/{Uri.EscapeDataString(options.TenantId)}/realms/{Uri.EscapeDataString(options.RealmId)}/applications/{Uri.EscapeDataString(id)}";
        Log.UsingApplication(logger, id, issuer);
        return new SampleSignIn(id, clientId, new Uri(issuer));
    }

    private static async Task<JsonNode?> FindAsync(
        HttpClient http, string redirectUri, string authenticatorConfigId, CancellationToken cancellationToken)
    {
        string? pageToken = null;
        do
        {
            var page = await SendAsync(
                http,
                new HttpRequestMessage(HttpMethod.Get, "applications" + (pageToken is null ? "" : $"?page_token={Uri.EscapeDataString(pageToken)}")),
                cancellationToken);
            foreach (var application in page["applications"]?.AsArray() ?? [])
            {
                var protocol = application?["protocol_config"];
                if (application is not null
                    && (string?)application["authenticator_config_id"] == authenticatorConfigId
                    && (string?)protocol?["type"] == "oidc"
                    && (string?)protocol["confidentiality"] == "public"
                    && protocol["redirect_uris"]?.AsArray().Any(u => (string?)u == redirectUri) == true)
                {
                    return application;
                }
            }

            pageToken = (string?)page["next_page_token"];
        }
        while (!string.IsNullOrEmpty(pageToken));
        return null;
    }

    private static async Task<JsonNode> CreateAsync(
        HttpClient http, Uri publicUrl, string redirectUri, string authenticatorConfigId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["application"] = new JsonObject
            {
                ["display_name"] = $"Passbind sample on port {publicUrl.Port}",
                ["authenticator_config_id"] = authenticatorConfigId,
                ["protocol_config"] = new JsonObject
                {
                    ["type"] = "oidc",
                    ["confidentiality"] = "public",
                    ["token_endpoint_auth_method"] = "none",
                    ["grant_type"] = new JsonArray("authorization_code"),
                    ["redirect_uris"] = new JsonArray(redirectUri),
                    ["pkce"] = "s256",
                    ["token_configuration"] = new JsonObject
                    {
                        ["subject_field"] = "id",
                        ["expires_after"] = 3600,
                        ["token_signing_algorithm"] = "RS256",
                    },
                },
            },
        };
        return await SendAsync(http, new HttpRequestMessage(HttpMethod.Post, "applications") { Content = JsonContent.Create(body) }, cancellationToken);
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await http.SendAsync(request, cancellationToken))
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if ((response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed) && request.Method == HttpMethod.Get)
            {
                throw new InvalidOperationException(
                    $"The Passbind server at {http.BaseAddress} has no applications API, so the sample cannot set up its sign-in.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"The applications API answered {(int)response.StatusCode} to {request.Method} {request.RequestUri}: {text}");
            }

            return JsonNode.Parse(text) ?? throw new InvalidDataException("The applications API answered no JSON.");
        }
    }
}
