using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Passbind.Bench.Reporting;

/// <summary>Writes each result as one JSON line on stdout as it comes, and the run's markdown table at the end.</summary>
internal sealed class ResultWriter
{
    private readonly List<ScenarioResult> _results = [];

    public IReadOnlyList<ScenarioResult> Results => _results;

    public void Add(ScenarioResult result)
    {
        var rounded = result with
        {
            OpsPerSecond = Math.Round(result.OpsPerSecond, 1),
            P50Ms = Math.Round(result.P50Ms, 3),
            P90Ms = Math.Round(result.P90Ms, 3),
            P99Ms = Math.Round(result.P99Ms, 3),
            MaxMs = Math.Round(result.MaxMs, 3),
            CeilingOpsPerSecond = Math.Round(result.CeilingOpsPerSecond, 1),
            Ratio = Math.Round(result.Ratio, 3),
            ServerRssMb = Math.Round(result.ServerRssMb, 1),
        };
        _results.Add(rounded);
        Console.Out.WriteLine(JsonSerializer.Serialize(rounded, ResultJsonContext.Default.ScenarioResult));
        Console.Out.Flush();
    }

    public async Task WriteMarkdownAsync(string path, string heading, IEnumerable<string> notes, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {heading}").AppendLine();
        foreach (var note in notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        text.AppendLine()
            .AppendLine("| scenario | provider | concurrency | ops/s | p50 ms | p90 ms | p99 ms | max ms | errors | ceiling ops/s | ratio | server RSS MB | server CPU ms/op |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in _results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Provider} | {r.Concurrency} | {r.OpsPerSecond:0.#} | {r.P50Ms:0.###} | {r.P90Ms:0.###} | {r.P99Ms:0.###} | {r.MaxMs:0.###} | {r.Errors} | {r.CeilingOpsPerSecond:0.#} | {r.Ratio:0.###} | {r.ServerRssMb:0.#} | {(r.ServerCpuMsPerOp is { } cpu ? cpu.ToString("0.###", CultureInfo.InvariantCulture) : "")} |");
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }
}
