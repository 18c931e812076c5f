using System.Text.Json;
using Passbind.Core.Identifiers;
using Passbind.Server.Features.Applications;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console;

/// <summary>
/// The built-in application the admin console signs in as: a public OIDC client (no secret) with the code flow
/// and PKCE S256, whose one redirect URI is the console's own, and an authenticator config whose invoke URL is
/// the server itself, so that the hosted <c>/bi-authenticate</c> and <c>/bind</c> pages serve it.
/// </summary>
internal static class ConsoleApplication
{
    /// <summary>How the console application is told from every other application of the tenant.</summary>
    public const string Classification = "console";

    public const string RedirectPath = "/console/signin-oidc";

    public const string SignedOutPath = "/console/signout-callback-oidc";

    private static readonly string[] PasskeysOnly = ["webauthn_passkey"];
    private static readonly string[] CodeGrant = [ApplicationValues.AuthorizationCodeGrant];

    public static AuthenticatorConfig NewAuthenticatorConfig(string tenantId, string realmId, string baseUrl, string origin, DateTimeOffset now) => new()
    {
        Id = ResourceId.NewUuid(),
        TenantId = tenantId,
        RealmId = realmId,
        DisplayName = "Passbind Console",
        Type = "embedded",
        InvokeUrl = baseUrl,
        InvocationType = "automatic",
        TrustedOriginsJson = JsonSerializer.Serialize(new[] { origin }),
        AuthenticationMethodsJson = JsonSerializer.Serialize(PasskeysOnly),
        CreateTime = now,
        UpdateTime = now,
    };

    public static Application NewApplication(string tenantId, string realmId, string authenticatorConfigId, string baseUrl, DateTimeOffset now) => new()
    {
        Id = ResourceId.NewUuid(),
        TenantId = tenantId,
        RealmId = realmId,
        DisplayName = "Passbind Console",
        IsManaged = true,
        Classification = Classification,
        ProtocolType = ApplicationValues.ProtocolOidc,
        Confidentiality = ApplicationValues.Public,
        TokenEndpointAuthMethod = ApplicationValues.AuthMethodNone,
        GrantTypesJson = JsonSerializer.Serialize(CodeGrant),
        RedirectUrisJson = JsonSerializer.Serialize(new[] { baseUrl + RedirectPath }),
        Pkce = ApplicationValues.PkceS256,
        SubjectField = ApplicationValues.SubjectId,
        TokenSigningAlgorithm = ApplicationValues.Rs256,
        TokenFormat = ApplicationValues.SelfContained,
        AuthenticatorConfigId = authenticatorConfigId,
        ClientId = ResourceId.NewUuid(),
        AllowedScopes = "openid",
        TokenRealm = realmId,
        TokenLifetimeSeconds = 300,
        CreateTime = now,
        UpdateTime = now,
    };

    public static string Issuer(string authBaseUrl, Application application) =>
        $"{authBaseUrl}/v1/tenants/{application.TenantId}/realms/{application.RealmId}/applications/{application.Id}";
}
