namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>The body of a create or patch: <c>{"authenticator_config": {...}}</c>.</summary>
internal sealed record AuthenticatorConfigRequest(AuthenticatorConfigFields? AuthenticatorConfig);
