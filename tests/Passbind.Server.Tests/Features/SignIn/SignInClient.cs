using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Core.Identifiers;
using Passbind.Testing.WebAuthn;
using Passbind.Server.Features.Applications;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>
/// Drives a sign-in over HTTP as a relying party, a browser and an SDK would: an OIDC application of its own in a
/// realm, its authorize endpoint, the transaction calls with only the request JWT, and passkeys bound through the
/// binding ceremony whose keys then sign assertions.
/// </summary>
internal sealed class SignInClient : IDisposable
{
    public const string RedirectUri = "https://app.example.com/callback";

    /// <summary>The RP ID the test server derives from its public base URL.</summary>
    public const string RpId = BindingCeremonyClient.RpId;

    public const string PageOrigin = BindingCeremonyClient.PageOrigin;

    /// <summary>A PKCE verifier and its S256 challenge (RFC 7636 appendix B).</summary>
    public const string CodeVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    public const string CodeChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private SignInClient(PassbindServer server, BindingCeremonyClient binding, string tenantId, string realmId, string authenticatorConfigId, Application application, string clientSecret)
    {
        Binding = binding;
        TenantId = tenantId;
        RealmId = realmId;
        AuthenticatorConfigId = authenticatorConfigId;
        Application = application;
        ClientSecret = clientSecret;
        Browser = server.CreateClient(accessToken: null);
    }

    public BindingCeremonyClient Binding { get; }

    public string TenantId { get; }

    public string RealmId { get; }

    public string AuthenticatorConfigId { get; }

    public Application Application { get; }

    public string ClientSecret { get; }

    /// <summary>A client without credentials and without following redirects: the browser, and the SDK's calls.</summary>
    public HttpClient Browser { get; }

    public string RealmPath => $"/v1/tenants/{TenantId}/realms/{RealmId}";

    public string Issuer => $"{PassbindServerFactory.PublicBaseUrl}{ApplicationPath}";

    public string ApplicationPath => $"{RealmPath}/applications/{Application.Id}";

    /// <summary>An application in the bootstrap realm, with the bootstrap authenticator config (which allows every method).</summary>
    public static Task<SignInClient> ForBootstrapAsync(PassbindServer server, Action<Application>? configure = null) =>
        CreateAsync(server, BindingCeremonyClient.ForBootstrap(server), server.Bootstrap.TenantId, server.Bootstrap.RealmId, server.Bootstrap.AuthenticatorConfigId, configure);

    /// <summary>An application in a tenant of its own, with that tenant's authenticator config.</summary>
    public static async Task<SignInClient> ForNewTenantAsync(PassbindServer server, Action<Application>? configure = null)
    {
        var tenant = await server.CreateTenantAsync();
        var binding = BindingCeremonyClient.ForTenant(server, tenant);
        return await CreateAsync(server, binding, tenant.TenantId, tenant.RealmId, tenant.AuthenticatorConfigId, configure);
    }

    private static async Task<SignInClient> CreateAsync(
        PassbindServer server, BindingCeremonyClient binding, string tenantId, string realmId, string authenticatorConfigId, Action<Application>? configure)
    {
        var now = server.Time.GetUtcNow();
        var clientSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var application = new Application
        {
            Id = ResourceId.NewUuid(),
            TenantId = tenantId,
            RealmId = realmId,
            DisplayName = "Pet Application",
            ClientId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            ProtocolType = ApplicationValues.ProtocolOidc,
            Confidentiality = ApplicationValues.Confidential,
            TokenEndpointAuthMethod = ApplicationValues.ClientSecretBasic,
            GrantTypesJson = JsonSerializer.Serialize(new[] { ApplicationValues.AuthorizationCodeGrant }),
            RedirectUrisJson = JsonSerializer.Serialize(new[] { RedirectUri, "https://app.example.com/other" }),
            Pkce = ApplicationValues.PkceS256,
            SubjectField = ApplicationValues.SubjectId,
            TokenSigningAlgorithm = ApplicationValues.Rs256,
            TokenFormat = ApplicationValues.SelfContained,
            AuthenticatorConfigId = authenticatorConfigId,
            ClientSecretHash = SHA256.HashData(Encoding.UTF8.GetBytes(clientSecret)),
            AllowedScopes = "pets:read",
            TokenRealm = realmId,
            TokenLifetimeSeconds = 3600,
            CreateTime = now,
            UpdateTime = now,
        };
        configure?.Invoke(application);
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        }

        return new SignInClient(server, binding, tenantId, realmId, authenticatorConfigId, application, clientSecret);
    }

    /// <summary>The parameters of a good authorize request: code, openid, state, nonce and an S256 challenge.</summary>
    public Dictionary<string, string?> AuthorizeParameters(string? state = "xyz-state") => new()
    {
        ["response_type"] = "code",
        ["client_id"] = Application.ClientId,
        ["redirect_uri"] = RedirectUri,
        ["scope"] = "openid",
        ["state"] = state,
        ["nonce"] = "n-0S6_WzA2Mj",
        ["code_challenge"] = CodeChallenge,
        ["code_challenge_method"] = "S256",
    };

    /// <summary>GET authorize with <paramref name="parameters"/> (null values left out), as a browser navigates there.</summary>
    public Task<HttpResponseMessage> AuthorizeAsync(IEnumerable<KeyValuePair<string, string?>> parameters) =>
        AuthorizeAsync(string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}")));

    public Task<HttpResponseMessage> AuthorizeAsync(string query) => Browser.GetAsync($"{ApplicationPath}/authorize?{query}");

    /// <summary>A good authorize request, answered 302 to an authenticate URL (the configs here are automatic).</summary>
    public async Task<AuthenticateLink> StartAsync(Action<Dictionary<string, string?>>? change = null)
    {
        var parameters = AuthorizeParameters();
        change?.Invoke(parameters);
        using var response = await AuthorizeAsync(parameters);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"authorize answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return AuthenticateLink.Parse(response.Headers.Location!.ToString());
    }

    public Task<HttpResponseMessage> PostAsync(AuthenticateLink link, string method, JsonObject body) =>
        PostAsync(link, method, body.ToJsonString());

    public Task<HttpResponseMessage> PostAsync(AuthenticateLink link, string method, string body) =>
        Browser.PostAsync($"{link.TransactionPath}:{method}", Api.Json(body));

    public async Task<JsonElement> CallAsync(AuthenticateLink link, string method, JsonObject body)
    {
        using var response = await PostAsync(link, method, body);
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    public Task<HttpResponseMessage> PostOptionsAsync(AuthenticateLink link, string keyType = "webauthn", string? credentialId = null) =>
        PostAsync(link, "authenticationOptions", new JsonObject { ["request"] = link.Request, ["key_type"] = keyType, ["credential_id"] = credentialId });

    /// <summary>Assertion options; fails the test unless 200. Returns <c>public_key</c>.</summary>
    public async Task<JsonElement> GetOptionsAsync(AuthenticateLink link, string keyType = "webauthn", string? credentialId = null)
    {
        using var response = await PostOptionsAsync(link, keyType, credentialId);
        return (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("public_key");
    }

    /// <summary>A known-good assertion by <paramref name="passkey"/> for <paramref name="publicKey"/>'s challenge, from the page origin.</summary>
    public static SoftwareAssertion NewAssertion(BoundPasskey passkey, JsonElement publicKey, string origin = PageOrigin)
    {
        var assertion = new SoftwareAssertion(passkey.Authenticator, Base64Url.DecodeFromChars(publicKey.GetProperty("challenge").GetString()))
        {
            RpIdHash = SHA256.HashData(Encoding.UTF8.GetBytes(publicKey.GetProperty("rpId").GetString()!)),
            UserHandle = passkey.UserHandle,
        };
        assertion.ClientData["origin"] = origin;
        return assertion;
    }

    public static string CompleteBody(AuthenticateLink link, JsonNode? credential) =>
        new JsonObject { ["request"] = link.Request, ["credential"] = credential }.ToJsonString();

    public Task<HttpResponseMessage> PostCompleteAsync(AuthenticateLink link, SoftwareAssertion assertion) =>
        PostAsync(link, "completeAuthentication", CompleteBody(link, assertion.CreateResponse()));

    /// <summary>Options, then a known-good assertion by <paramref name="passkey"/>; returns the 200 body.</summary>
    public async Task<JsonElement> AuthenticateAsync(AuthenticateLink link, BoundPasskey passkey)
    {
        var options = await GetOptionsAsync(link);
        using var response = await PostCompleteAsync(link, NewAssertion(passkey, options));
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    /// <summary>Binds a passkey to <paramref name="identityId"/> (a new identity when null) with a RETURN link and the software authenticator.</summary>
    public async Task<BoundPasskey> BindPasskeyAsync(string? identityId = null)
    {
        var link = await Binding.CreateLinkAsync(identityId);
        var options = await Binding.GetOptionsAsync(link);
        var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        using var response = await Binding.PostCompleteAsync(link, authenticator);
        var bound = await Api.ReadJsonAsync(response, expectedStatus: 200);
        return new BoundPasskey(
            authenticator,
            Base64Url.DecodeFromChars(options.GetProperty("user").GetProperty("id").GetString()),
            link.IdentityId,
            bound.GetProperty("credential").GetProperty("id").GetString()!);
    }

    /// <summary>Revokes <paramref name="passkey"/> through the management API, as an administrator would.</summary>
    public async Task RevokeAsync(BoundPasskey passkey)
    {
        using var revoke = await Binding.Management.PostAsync($"{RealmPath}/identities/{passkey.IdentityId}/credentials/{passkey.ServerCredentialId}:revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
    }

    /// <summary>The <c>code</c> of a redirect URL, after checking it goes to <see cref="RedirectUri"/> with the state and issuer.</summary>
    public string CodeOf(string redirectUrl, string? state = "xyz-state")
    {
        Assert.StartsWith($"{RedirectUri}?", redirectUrl, StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(redirectUrl).Query);
        Assert.Equal(state, query["state"]);
        Assert.Equal(Issuer, query["iss"]);
        var code = query["code"];
        Assert.False(string.IsNullOrEmpty(code), $"no code in {redirectUrl}");
        return code!;
    }

    public void Dispose()
    {
        Browser.Dispose();
        Binding.Dispose();
    }
}
