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
            OutboxOldestPendingSeconds = Round(result.OutboxOldestPendingSeconds, 2),
            OutboxSentPerSecond = Round(result.OutboxSentPerSecond, 1),
            OutboxCpuMsPerNotice = Round(result.OutboxCpuMsPerNotice, 3),
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
            .AppendLine("| scenario | provider | concurrency | ops/s | p50 ms | p90 ms | p99 ms | max ms | errors | ceiling ops/s | ratio | server RSS MB | server CPU ms/op | outbox pending | oldest pending s | outbox sent/s | outbox CPU ms/notice |")
            .AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in _results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Provider} | {r.Concurrency} | {r.OpsPerSecond:0.#} | {r.P50Ms:0.###} | {r.P90Ms:0.###} | {r.P99Ms:0.###} | {r.MaxMs:0.###} | {r.Errors} | {r.CeilingOpsPerSecond:0.#} | {r.Ratio:0.###} | {r.ServerRssMb:0.#} | {Cell(r.ServerCpuMsPerOp, "0.###")} | {Cell(r.OutboxPending, "0")} | {Cell(r.OutboxOldestPendingSeconds, "0.##")} | {Cell(r.OutboxSentPerSecond, "0.#")} | {Cell(r.OutboxCpuMsPerNotice, "0.###")} |");
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;

    private static string Cell<T>(T? value, string format)
        where T : struct, IFormattable => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
