using Passbind.Server.Hosting;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens;

/// <summary>An application's issuer, as Beyond Identity's: <c>{auth}/v1/tenants/{t}/realms/{r}/applications/{app}</c>.</summary>
internal static class Issuers
{
    /// <summary>The route of everything under an issuer, with the names the handlers bind.</summary>
    public const string ApplicationPath = "/v1/tenants/{tenant_id}/realms/{realm_id}/applications/{application_id}";

    public static string For(PublicAddresses addresses, string tenantId, string realmId, string applicationId) =>
        $"{addresses.AuthBaseUrl}/v1/tenants/{tenantId}/realms/{realmId}/applications/{applicationId}";

    public static string For(PublicAddresses addresses, Application application) =>
        For(addresses, application.TenantId, application.RealmId, application.Id);

    public static string KeySetUrl(string issuer) => $"{issuer}/.well-known/jwks.json";
}
