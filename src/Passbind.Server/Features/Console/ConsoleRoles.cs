namespace Passbind.Server.Features.Console;

/// <summary>The roles an identity may hold in the admin console (stored in <c>Identity.ConsoleRole</c>).</summary>
internal static class ConsoleRoles
{
    /// <summary>Everything the console offers, for every realm of the identity's tenant.</summary>
    public const string Administrator = "administrator";
}
