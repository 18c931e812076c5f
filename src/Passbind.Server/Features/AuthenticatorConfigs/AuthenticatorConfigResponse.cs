namespace Passbind.Server.Features.AuthenticatorConfigs;

internal sealed record AuthenticatorConfigResponse(
    string Id,
    string RealmId,
    string TenantId,
    string DisplayName,
    ConfigResponse Config);

/// <summary><c>config</c> on the wire; <c>invoke_url</c> and <c>invocation_type</c> only for embedded configs.</summary>
internal sealed record ConfigResponse(
    string Type,
    string? InvokeUrl,
    string? InvocationType,
    IReadOnlyList<string> TrustedOrigins,
    IReadOnlyList<AuthenticationMethodResponse> AuthenticationMethods,
    string? RpId);

internal sealed record AuthenticationMethodResponse(string Type);

internal sealed record AuthenticatorConfigListResponse(
    IReadOnlyList<AuthenticatorConfigResponse> AuthenticatorConfigs, int TotalSize, string? NextPageToken);
