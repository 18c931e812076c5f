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
        var package = Path.Combine("axe-core", "axe.min.js");
        await Installing.WaitAsync();
        try
        {
            await Npm.InstallOnceAsync(directory, package);
        }
        finally
        {
            Installing.Release();
        }

        await context.AddInitScriptAsync(scriptPath: Path.Combine(directory, "node_modules", package));
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
}
