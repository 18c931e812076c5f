using Spectre.Console;

namespace Passbind.Cli;

/// <summary>
/// A spinner on stderr while a network call runs, and only when stderr is a terminal: piped or captured output
/// never sees control sequences.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(CliConsole console, string status, Func<Task<T>> work)
    {
        if (!console.ErrorIsTerminal)
        {
            return await work().ConfigureAwait(false);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Error),
            Ansi = AnsiSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
        return await terminal.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(status, _ => work())
            .ConfigureAwait(false);
    }

    public static Task RunAsync(CliConsole console, string status, Func<Task> work) =>
        RunAsync(console, status, async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        });
}
