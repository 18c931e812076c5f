using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Features.Oidc;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;

namespace Passbind.Server.Tests.Features.Oidc;

/// <summary>
/// A relying party's side of the OIDC tests: makes applications through the API, gets codes the way a
/// completed sign-in does (through the server's own <see cref="AuthorizationCodes"/>), and calls the token,
/// introspection and revocation endpoints as a client would.
/// </summary>
public sealed class OidcTestClient(PassbindServer server, TenantAccess access)
{
    public const string RedirectUri = "https://rp.example/callback";

    public TenantAccess Access => access;

    /// <summary>A confidential OIDC application with the code and refresh grants, S256 PKCE, in the tenant's realm.</summary>
    public Task<TestApplication> CreateApplicationAsync(string? protocolConfig = null, string? authenticatorConfigId = null)
    {
        protocolConfig ??= $$"""{"type":"oidc","grant_type":["authorization_code","refresh_token"],"redirect_uris":["{{RedirectUri}}"],"pkce":"s256","allowed_scopes":["pets:read"]}""";
        return CreateRawAsync($$$"""{"application":{"display_name":"Pet App","authenticator_config_id":"{{{authenticatorConfigId ?? access.AuthenticatorConfigId}}}","protocol_config":{{{protocolConfig}}}}}""");
    }

    public async Task<TestApplication> CreateRawAsync(string body)
    {
        using var client = server.CreateClient(access.AccessToken);
        using var response = await client.PostAsync($"{access.RealmPath}/applications", Api.Json(body));
        var created = await Api.ReadJsonAsync(response, expectedStatus: 200);
        var protocol = created.GetProperty("protocol_config");
        return new TestApplication(
            created.GetProperty("id").GetString()!,
            protocol.GetProperty("client_id").GetString()!,
            protocol.TryGetProperty("client_secret", out var secret) ? secret.GetString() : null,
            $"{access.RealmPath}/applications/{created.GetProperty("id").GetString()}",
            created);
    }

    /// <summary>An active identity of the realm.</summary>
    public async Task<string> CreateIdentityAsync()
    {
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        return identity.GetProperty("id").GetString()!;
    }

    /// <summary>A code as a verified sign-in gets it; <paramref name="verifier"/> null means no PKCE.</summary>
    public async Task<string> IssueCodeAsync(
        TestApplication application, string identityId, string? verifier, string method = PkceMethods.S256,
        string scope = "openid profile email offline_access", string? nonce = "n-0S6_WzA2Mj", string redirectUri = RedirectUri)
    {
        using var scopeServices = server.Services.CreateScope();
        var codes = scopeServices.ServiceProvider.GetRequiredService<AuthorizationCodes>();
        var db = scopeServices.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var code = codes.Add(db, new AuthorizationCodeContent(
            access.TenantId, access.RealmId, application.Id, identityId, CredentialId: null, redirectUri,
            verifier is null ? null : method == PkceMethods.S256 ? Challenge(verifier) : verifier, verifier is null ? null : method,
            nonce, scope, server.Time.GetUtcNow(), AuthenticationMethodReferences.Passkey(userVerified: true)));
        await db.SaveChangesAsync();
        return code;
    }

    public static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>POSTs a form to <paramref name="path"/>, authenticating with client_secret_basic when <paramref name="basic"/> is given.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, (string Id, string Secret)? basic = null)
    {
        using var client = server.CreateClient(accessToken: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (basic is var (id, secret))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        }

        return await client.SendAsync(request);
    }

    /// <summary>The code grant with client_secret_basic.</summary>
    public Task<HttpResponseMessage> RedeemAsync(TestApplication application, string code, string? verifier, string redirectUri = RedirectUri)
    {
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirectUri) };
        if (verifier is not null)
        {
            fields.Add(new("code_verifier", verifier));
        }

        return PostFormAsync($"{application.Path}/token", fields, application.Basic);
    }

    public Task<HttpResponseMessage> RefreshAsync(TestApplication application, string refreshToken, string? scope = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("grant_type", "refresh_token"), new("refresh_token", refreshToken) };
        if (scope is not null)
        {
            fields.Add(new("scope", scope));
        }

        return PostFormAsync($"{application.Path}/token", fields, application.Basic);
    }

    public async Task<JsonElement> IntrospectAsync(TestApplication application, string token)
    {
        using var response = await PostFormAsync($"{application.Path}/introspect", [new("token", token)], application.Basic);
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    /// <summary>Signs in: a code, redeemed; fails the test unless the token endpoint answers 200.</summary>
    public async Task<JsonElement> SignInAsync(TestApplication application, string identityId, string scope = "openid profile email offline_access")
    {
        var verifier = NewVerifier();
        var code = await IssueCodeAsync(application, identityId, verifier, scope: scope);
        using var response = await RedeemAsync(application, code, verifier);
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }
}
