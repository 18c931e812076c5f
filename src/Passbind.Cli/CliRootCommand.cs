using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Passbind.Cli.Admin;
using Passbind.Cli.Credentials;
using Passbind.Cli.Identities;
using Passbind.Cli.Jobs;
using Passbind.Cli.Links;
using Passbind.Cli.Passkeys;

namespace Passbind.Cli;

/// <summary>Composes the command tree; each command lives in its own file.</summary>
internal static class CliRootCommand
{
    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand("passbind: operate a Passbind server, and bind or use a passkey from a terminal.")
        {
            IdentitiesCommand.Create(console),
            LinksCommand.Create(console),
            JobsCommand.Create(console),
            CredentialsCommand.Create(console),
            BindCommand.Create(console),
            AuthenticateCommand.Create(console),
            PasskeysCommand.Create(console),
            AdminCommand.Create(console),
        };

        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is SynchronousCommandLineAction standard)
            {
                help.Action = new ExitCodesHelpAction(standard);
            }
        }

        return root;
    }
}
