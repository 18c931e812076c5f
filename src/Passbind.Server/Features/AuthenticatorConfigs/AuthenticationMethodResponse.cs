namespace Passbind.Server.Features.AuthenticatorConfigs;

internal sealed record AuthenticationMethodResponse(string Type);
