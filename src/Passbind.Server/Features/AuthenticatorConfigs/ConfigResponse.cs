namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary><c>config</c> on the wire; <c>invoke_url</c> and <c>invocation_type</c> only for embedded configs.</summary>
internal sealed record ConfigResponse(
    string Type,
    string? InvokeUrl,
    string? InvocationType,
    IReadOnlyList<string> TrustedOrigins,
    IReadOnlyList<AuthenticationMethodResponse> AuthenticationMethods,
    string? RpId);
