using System.Diagnostics;

namespace Passbind.Operations.Tests;

/// <summary>One run of the <c>passbind</c> tool as an operator runs it on the server's machine: a process, its exit code and its output.</summary>
public sealed record CliProcess(int ExitCode, string Out, string Error)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<CliProcess> RunAsync(params string[] args)
    {
        var tool = Repository.Built("Passbind.Cli", "passbind.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return new CliProcess(process.ExitCode, await output, await error);
    }

    /// <summary>Asserts the exit code, showing both outputs when it differs.</summary>
    public void AssertExit(int expected) => Assert.True(ExitCode == expected, $"expected exit {expected}, got {this}");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
