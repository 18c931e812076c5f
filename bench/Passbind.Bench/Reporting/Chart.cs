using ScottPlot;

namespace Passbind.Bench.Reporting;

/// <summary>Throughput (top) and p99 latency (bottom) against concurrency, one line per load scenario.</summary>
internal static class Chart
{
    public static void Save(string path, string title, IReadOnlyList<ScenarioResult> results, IReadOnlyList<int> concurrencies)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        var throughput = multiplot.GetPlot(0);
        var p99 = multiplot.GetPlot(1);
        throughput.Title($"{title}: throughput");
        throughput.YLabel("operations / s");
        p99.Title($"{title}: p99 latency");
        p99.YLabel("p99 ms");

        var positions = concurrencies.Select((_, i) => (double)i).ToArray();
        var labels = concurrencies.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var plot in new[] { throughput, p99 })
        {
            plot.XLabel("concurrency");
            plot.Axes.Bottom.SetTicks(positions, labels);
            plot.ShowLegend(Alignment.UpperLeft);
        }

        foreach (var scenario in results.Where(IsLoadScenario).GroupBy(r => r.Scenario))
        {
            var points = scenario.Where(r => concurrencies.Contains(r.Concurrency)).OrderBy(r => r.Concurrency).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var xs = points.Select(r => (double)concurrencies.ToList().IndexOf(r.Concurrency)).ToArray();
            var line = throughput.Add.Scatter(xs, points.Select(r => r.OpsPerSecond).ToArray());
            line.LegendText = scenario.Key;
            var latency = p99.Add.Scatter(xs, points.Select(r => r.P99Ms).ToArray());
            latency.LegendText = scenario.Key;
            latency.Color = line.Color;
        }

        var ceiling = results.FirstOrDefault(r => r.CeilingOpsPerSecond > 0)?.CeilingOpsPerSecond ?? 0;
        if (ceiling > 0)
        {
            var rule = throughput.Add.HorizontalLine(ceiling);
            rule.LegendText = "lower ceiling";
            rule.LinePattern = LinePattern.Dashed;
        }

        p99.Axes.SetLimitsY(0, Math.Max(1, results.Where(IsLoadScenario).Select(r => r.P99Ms).DefaultIfEmpty(1).Max() * 1.1));
        multiplot.SavePng(path, 1100, 1300);
    }

    private static bool IsLoadScenario(ScenarioResult result) =>
        !result.Scenario.StartsWith("ceiling", StringComparison.Ordinal) && result.Scenario is not ("restart_ready" or "outbox_drain");
}
