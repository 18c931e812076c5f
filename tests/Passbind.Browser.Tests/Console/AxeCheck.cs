using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Passbind.Browser.Tests.Console;

/// <summary>
/// axe-core, from npm (Accessibility/package.json and its lockfile, installed with <c>npm ci</c> once per checkout),
/// injected into every page of a browser context before the page's own scripts, and run on the page as it stands.
/// The injection goes through the DevTools protocol, so the console's content security policy stays as it is.
/// </summary>
internal static class AxeCheck
{
    private const string Run = """
        async () => {
          const result = await axe.run(document, {resultTypes: ["violations"]});
          return result.violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(" ")).join(", ")}`);
        }
        """;

    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>Installs axe-core if this checkout lacks it, and adds it to every page that <paramref name="context"/> opens.</summary>
    public static async Task AddToAsync(IBrowserContext context, string repositoryRoot)
    {
        var directory = Path.Combine(repositoryRoot, "tests", "Passbind.Browser.Tests", "Accessibility");
        var script = Path.Combine(directory, "node_modules", "axe-core", "axe.min.js");
        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(script))
            {
                await NpmCiAsync(directory);
            }
        }
        finally
        {
            Installing.Release();
        }

        await context.AddInitScriptAsync(scriptPath: script);
    }

    /// <summary>The serious and critical violations axe-core finds on the page, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var found = await page.EvaluateAsync<JsonElement>(Run);
        return found.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>Fails the test, naming the page, when axe-core finds a serious or critical violation on it.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name} ({page.Url}) has accessibility violations:\n{string.Join('\n', violations)}");
    }

    private static async Task NpmCiAsync(string directory)
    {
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
