using System.CommandLine;

namespace Passbind.Cli.Links;

/// <summary><c>passbind links</c>: passkey binding links.</summary>
internal static class LinksCommand
{
    public static Command Create(CliConsole console) => new("links", "Create passkey binding links")
    {
        LinksCreateCommand.Create(console),
    };
}
