namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>The writable fields of an authenticator config; read-only ones a client sends are ignored.</summary>
internal sealed record AuthenticatorConfigFields(string? DisplayName, ConfigFields? Config);
