namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>One entry of <c>authentication_methods</c>: <c>{"type": "webauthn_passkey"}</c>.</summary>
internal sealed record AuthenticationMethodFields(string? Type);
