namespace Passbind.Server.Features.AuthenticatorConfigs;

internal sealed record AuthenticatorConfigResponse(
    string Id,
    string RealmId,
    string TenantId,
    string DisplayName,
    ConfigResponse Config);
