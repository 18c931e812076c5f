using System.CommandLine;
using System.CommandLine.Invocation;

namespace Passbind.Cli;

/// <summary>The whole tool as a function of its arguments and console, so tests run it in process.</summary>
internal static class PassbindCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = CliRootCommand.Create(console);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // A usage error exits 2 (the parser's own default is 1, which this tool keeps for unexpected errors).
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"passbind: usage_error: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync($"Run '{CommandPath(parse)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,

            // Every command reports its own failures through CommandRunner; anything reaching here is a bug.
            EnableDefaultExceptionHandler = true,
        };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "passbind" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
