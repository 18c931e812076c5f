namespace Passbind.Cli.Tests;

/// <summary>One in-process run of the tool: its exit code and what it wrote to stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, environment: name => environment?.GetValueOrDefault(name));
        var exitCode = await PassbindCli.RunAsync(args, console);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Asserts the exit code, showing both outputs when it differs.</summary>
    public void AssertExit(int expected) =>
        Assert.True(ExitCode == expected, $"expected exit {expected}, got {this}");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
