using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Passbind.Testing.WebAuthn;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Binding;

/// <summary>
/// Drives the binding ceremony over HTTP as an app and an SDK would: the management side (identities, links,
/// jobs, credentials) with a management token, the two ceremony calls with only the link's token, and a
/// <see cref="SoftwareAuthenticator"/> that answers the server's options with a known-good response.
/// </summary>
internal sealed class BindingCeremonyClient : IDisposable
{
    /// <summary>The RP ID the test server derives from its public base URL.</summary>
    public const string RpId = "localhost";

    /// <summary>An origin every test authenticator config trusts: the server's public base URL.</summary>
    public const string PageOrigin = PassbindServerFactory.PublicBaseUrl;

    /// <summary>The .NET SDK's default origin, trusted by the bootstrap authenticator config only.</summary>
    public const string SdkOrigin = "passbind-sdk://dotnet";

    public const string PostBindingRedirectUri = "https://app.example.com/bound";

    private BindingCeremonyClient(PassbindServer server, string realmPath, string authenticatorConfigId, string accessToken)
    {
        RealmPath = realmPath;
        AuthenticatorConfigId = authenticatorConfigId;
        Management = server.CreateClient(accessToken);
        Anonymous = server.CreateClient(accessToken: null);
    }

    public string RealmPath { get; }

    public string AuthenticatorConfigId { get; }

    /// <summary>A client with a management token for the realm.</summary>
    public HttpClient Management { get; }

    /// <summary>A client without credentials, as an SDK calls the ceremony.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>The bootstrap tenant's realm and authenticator config (trusts the page origin and the SDK origin).</summary>
    public static BindingCeremonyClient ForBootstrap(PassbindServer server) =>
        new(server, server.Bootstrap.RealmPath, server.Bootstrap.AuthenticatorConfigId, server.Bootstrap.ApiToken);

    /// <summary>A tenant of its own (its authenticator config trusts the page origin only).</summary>
    public static async Task<BindingCeremonyClient> ForNewTenantAsync(PassbindServer server) => ForTenant(server, await server.CreateTenantAsync());

    /// <summary>A tenant a test made with <see cref="PassbindServer.CreateTenantAsync"/>.</summary>
    public static BindingCeremonyClient ForTenant(PassbindServer server, TenantAccess tenant) =>
        new(server, tenant.RealmPath, tenant.AuthenticatorConfigId, tenant.AccessToken);

    public async Task<JsonElement> CreateIdentityAsync(string? username = null) =>
        await PassbindServer.CreateIdentityAsync(Management, RealmPath, username);

    /// <summary>A RETURN link for <paramref name="identityId"/> (a new identity when null).</summary>
    public async Task<BindingLink> CreateLinkAsync(string? identityId = null, string? authenticatorConfigId = null)
    {
        identityId ??= (await CreateIdentityAsync()).GetProperty("id").GetString()!;
        var body = JsonSerializer.Serialize(new
        {
            job = new
            {
                delivery_method = "RETURN",
                authenticator_config_id = authenticatorConfigId ?? AuthenticatorConfigId,
                post_binding_redirect_uri = PostBindingRedirectUri,
            },
        });
        using var response = await Management.PostAsync($"{RealmPath}/identities/{identityId}/credential-binding-jobs", Api.Json(body));
        var created = await Api.ReadJsonAsync(response, expectedStatus: 200);
        return BindingLink.Parse(created.GetProperty("credential_binding_link").GetString()!);
    }

    public Task<HttpResponseMessage> PostOptionsAsync(BindingLink link, string? keyType = "webauthn", string? token = null)
    {
        var body = new JsonObject { ["token"] = token ?? link.Token };
        if (keyType is not null)
        {
            body["key_type"] = keyType;
        }

        return Anonymous.PostAsync(link.OptionsPath, Api.Json(body.ToJsonString()));
    }

    /// <summary>Options for <paramref name="link"/>; fails the test unless the server answers 200. Returns <c>public_key</c>.</summary>
    public async Task<JsonElement> GetOptionsAsync(BindingLink link, string keyType = "webauthn")
    {
        using var response = await PostOptionsAsync(link, keyType);
        var options = await Api.ReadJsonAsync(response, expectedStatus: 200);
        return options.GetProperty("public_key");
    }

    /// <summary>A software authenticator answering <paramref name="publicKey"/> from <paramref name="origin"/>, for the test server's RP ID.</summary>
    public static SoftwareAuthenticator NewAuthenticator(JsonElement publicKey, string origin = PageOrigin, AttestationKind attestation = AttestationKind.None)
    {
        var authenticator = new SoftwareAuthenticator(Challenge(publicKey), attestation)
        {
            RpIdHash = SHA256.HashData(Encoding.UTF8.GetBytes(publicKey.GetProperty("rp").GetProperty("id").GetString()!)),
        };
        authenticator.ClientData["origin"] = origin;
        return authenticator;
    }

    public static byte[] Challenge(JsonElement publicKey) => Base64Url.DecodeFromChars(publicKey.GetProperty("challenge").GetString());

    public static string CompleteBody(string token, JsonNode? credential) =>
        new JsonObject { ["token"] = token, ["credential"] = credential }.ToJsonString();

    public Task<HttpResponseMessage> PostCompleteAsync(BindingLink link, SoftwareAuthenticator authenticator) =>
        PostCompleteAsync(link, CompleteBody(link.Token, authenticator.CreateResponse()));

    public Task<HttpResponseMessage> PostCompleteAsync(BindingLink link, string body) =>
        Anonymous.PostAsync(link.CompletePath, Api.Json(body));

    /// <summary>Completes <paramref name="link"/> with a fresh known-good response to <paramref name="publicKey"/>; fails the test unless 200.</summary>
    public async Task<JsonElement> CompleteAsync(BindingLink link, JsonElement publicKey, string origin = PageOrigin)
    {
        using var authenticator = NewAuthenticator(publicKey, origin);
        using var response = await PostCompleteAsync(link, authenticator);
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    /// <summary>Options then a known-good completion; returns the 200 body.</summary>
    public async Task<JsonElement> BindAsync(BindingLink link) => await CompleteAsync(link, await GetOptionsAsync(link));

    public async Task<JsonElement> GetJobAsync(BindingLink link)
    {
        using var response = await Management.GetAsync(link.JobPath);
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    public async Task<JsonElement> GetIdentityAsync(string identityId)
    {
        using var response = await Management.GetAsync($"{RealmPath}/identities/{identityId}");
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    public async Task<JsonElement> GetCredentialAsync(string identityId, string credentialId)
    {
        using var response = await Management.GetAsync($"{RealmPath}/identities/{identityId}/credentials/{credentialId}");
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    /// <summary>Every credential of the realm, any identity, any state.</summary>
    public Task<int> CountCredentialsAsync() => Api.CountAsync(Management, $"{RealmPath}/identities/-/credentials");

    public Task<int> CountCredentialsAsync(string identityId) => Api.CountAsync(Management, $"{RealmPath}/identities/{identityId}/credentials");

    public void Dispose()
    {
        Management.Dispose();
        Anonymous.Dispose();
    }
}
