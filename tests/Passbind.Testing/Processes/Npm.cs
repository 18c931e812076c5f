using System.Diagnostics;

namespace Passbind.Testing.Processes;

/// <summary>npm packages that tests run (a relying-party library, axe-core), installed from their committed lockfile.</summary>
public static class Npm
{
    /// <summary>
    /// <c>npm ci</c> in <paramref name="directory"/> unless <paramref name="marker"/> (a file below node_modules) is there
    /// already: node_modules is not committed, so each checkout installs once. Fails the test with npm's output.
    /// </summary>
    public static async Task InstallOnceAsync(string directory, string marker)
    {
        if (File.Exists(Path.Combine(directory, "node_modules", marker)))
        {
            return;
        }

        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--ignore-scripts" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        Assert.True(npm.ExitCode == 0, $"npm ci failed in {directory}: {await output}{await errors}");
    }
}
