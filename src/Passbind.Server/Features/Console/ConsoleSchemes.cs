namespace Passbind.Server.Features.Console;

/// <summary>The console's authentication schemes and authorization policy.</summary>
internal static class ConsoleSchemes
{
    /// <summary>The session cookie's scheme.</summary>
    public const string Cookie = "Console";

    /// <summary>Sign-in through Passbind's own OIDC provider, as the built-in console application.</summary>
    public const string OpenIdConnect = "ConsoleOidc";

    /// <summary>Every console page and action requires it.</summary>
    public const string AdministratorPolicy = "ConsoleAdministrator";

    /// <summary>The claims of a console session: who signed in, in which tenant and realm.</summary>
    public const string IdentityClaim = "sub";
    public const string TenantClaim = "tid";
    public const string RealmClaim = "rid";
}
