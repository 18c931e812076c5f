namespace Passbind.Server.Features.Applications;

/// <summary>An application on the wire (beyond-identity-api.md §3.7).</summary>
internal sealed record ApplicationResponse(
    string Id,
    string RealmId,
    string TenantId,
    string DisplayName,
    bool IsManaged,
    string? Classification,
    string? AuthenticatorConfigId,
    ProtocolConfigResponse ProtocolConfig);
