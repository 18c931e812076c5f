using Passbind.Server.Features.AuthenticatorConfigs;

namespace Passbind.Server.Features.SignIn;

/// <summary>The answer of <c>:authenticationContext</c> (docs/sign-in-protocol.md §3).</summary>
internal sealed record AuthenticationContextResponse(
    string AuthUrl,
    IReadOnlyList<AuthenticationMethodResponse> AuthMethods,
    ContextApplication Application,
    ContextOrigin Origin);
