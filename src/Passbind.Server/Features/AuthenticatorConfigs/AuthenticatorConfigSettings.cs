namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>
/// A validated, complete <c>config</c>: what is stored and what is answered. <see cref="InvokeUrl"/> and
/// <see cref="InvocationType"/> are set for embedded configs only; <see cref="RpId"/> is null where the server's RP ID applies.
/// </summary>
internal sealed record AuthenticatorConfigSettings(
    string Type,
    string? InvokeUrl,
    string? InvocationType,
    IReadOnlyList<string> TrustedOrigins,
    IReadOnlyList<string> AuthenticationMethods,
    string? RpId = null);
