namespace Passbind.Cli;

/// <summary>
/// Runs a command's work and turns any failure into one line on stderr and its exit code, so every command
/// reports errors the same way.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliConsole console, Func<Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var failure = CliFailure.From(e, cancellationToken.IsCancellationRequested);
            await console.Error.WriteLineAsync(failure.ToLine()).ConfigureAwait(false);
            return failure.ExitCode;
        }
    }
}
