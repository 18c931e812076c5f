namespace Passbind.Server.Tests.Infrastructure;

/// <summary>A tenant and realm a test made for itself, with an embedded authenticator config, a management application and a token for it.</summary>
public sealed record TenantAccess(
    string TenantId,
    string RealmId,
    string ApplicationId,
    string AuthenticatorConfigId,
    string ClientId,
    string ClientSecret,
    string AccessToken)
{
    public string RealmPath => $"/v1/tenants/{TenantId}/realms/{RealmId}";

    public string TokenPath => $"{RealmPath}/applications/{ApplicationId}/token";
}
