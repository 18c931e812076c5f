using System.CommandLine;
using System.CommandLine.Invocation;

namespace Passbind.Cli;

/// <summary>The standard help, followed by the exit codes, for every command.</summary>
internal sealed class ExitCodesHelpAction : SynchronousCommandLineAction
{
    private readonly SynchronousCommandLineAction _help;

    public ExitCodesHelpAction(SynchronousCommandLineAction help)
    {
        _help = help;
    }

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var result = _help.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine(ExitCodes.HelpText);
        var command = parseResult.CommandResult.Command;
        if (command is RootCommand || command.Options.Any(o => o.Name == "--bootstrap"))
        {
            output.WriteLine("Connection: --bootstrap <path>, else $PASSBIND_BOOTSTRAP, else data/bootstrap.json; --api-url, --tenant, --realm and --token override it.");
        }

        output.WriteLine("Docs: docs/cli.md");
        output.WriteLine();
        return result;
    }
}
