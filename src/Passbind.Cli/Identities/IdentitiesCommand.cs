using System.CommandLine;

namespace Passbind.Cli.Identities;

/// <summary><c>passbind identities</c>: the realm's identities.</summary>
internal static class IdentitiesCommand
{
    public static Command Create(CliConsole console) => new("identities", "Create, list, show and delete identities")
    {
        IdentitiesCreateCommand.Create(console),
        IdentitiesListCommand.Create(console),
        IdentitiesGetCommand.Create(console),
        IdentitiesDeleteCommand.Create(console),
    };
}
