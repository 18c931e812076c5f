namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>
/// <c>config</c> as sent: discriminated by <c>type</c> on create, and a partial config without <c>type</c>
/// on patch. Elements are nullable so a null inside an array is a field violation, not a crash.
/// </summary>
internal sealed record ConfigFields(
    string? Type,
    string? InvokeUrl,
    string? InvocationType,
    IReadOnlyList<string?>? TrustedOrigins,
    IReadOnlyList<AuthenticationMethodFields?>? AuthenticationMethods,
    string? RpId = null);
