namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>The body of a create or patch: <c>{"authenticator_config": {...}}</c>.</summary>
internal sealed record AuthenticatorConfigRequest(AuthenticatorConfigFields? AuthenticatorConfig);

/// <summary>The writable fields of an authenticator config; read-only ones a client sends are ignored.</summary>
internal sealed record AuthenticatorConfigFields(string? DisplayName, ConfigFields? Config);

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

/// <summary>One entry of <c>authentication_methods</c>: <c>{"type": "webauthn_passkey"}</c>.</summary>
internal sealed record AuthenticationMethodFields(string? Type);
