namespace Passbind.Sdk;

/// <summary>What <see cref="Embedded.GetAuthenticationContextAsync(string, CancellationToken)"/> tells about a sign-in.</summary>
/// <param name="AuthUrl">The authenticate URL to use from now on; it may differ from the one passed in.</param>
/// <param name="AuthMethods">The sign-in methods the application's authenticator config allows.</param>
/// <param name="Application">The application asking for the sign-in.</param>
/// <param name="Origin">Where the sign-in request came from, as the server saw it.</param>
public sealed record AuthenticationContext(
    string AuthUrl,
    IReadOnlyList<AuthenticationMethod> AuthMethods,
    AuthenticationApplication Application,
    AuthenticationOrigin Origin);
