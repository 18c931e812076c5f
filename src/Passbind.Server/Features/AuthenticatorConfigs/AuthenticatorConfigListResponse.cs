namespace Passbind.Server.Features.AuthenticatorConfigs;

internal sealed record AuthenticatorConfigListResponse(
    IReadOnlyList<AuthenticatorConfigResponse> AuthenticatorConfigs, int TotalSize, string? NextPageToken);
