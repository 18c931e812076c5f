namespace Passbind.Cli;

/// <summary>
/// Runs a command's work and turns any failure into one line on stderr and its exit code, so every command
/// reports errors the same way.
/// </summary>
internal static class CommandRunner
{
    /// <param name="console">Where the failure line goes.</param>
    /// <param name="work">The command's work; it returns the exit code.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="ceremonyFailed">The exit code for a passkey ceremony the server or the SDK refused: binding's by default.</param>
    public static async Task<int> RunAsync(
        CliConsole console, Func<Task<int>> work, CancellationToken cancellationToken, int ceremonyFailed = ExitCodes.BindFailed)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var failure = CliFailure.From(e, cancellationToken.IsCancellationRequested, ceremonyFailed);
            await console.Error.WriteLineAsync(failure.ToLine()).ConfigureAwait(false);
            return failure.ExitCode;
        }
    }
}
