using System.CommandLine;
using Passbind.Bench;
using Spectre.Console;

// Data (one JSON object per scenario) goes to stdout; progress and diagnostics to stderr.
var progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

var provider = new Option<string>("--provider")
{
    Description = "sqlite (default) or postgresql",
    DefaultValueFactory = _ => Providers.Sqlite,
};
provider.AcceptOnlyFromAmong(Providers.Sqlite, Providers.PostgreSql);
var connection = new Option<string?>("--connection")
{
    Description = "PostgreSQL connection string; without it, --provider postgresql starts a throwaway local cluster",
};
var quick = new Option<bool>("--quick") { Description = "under a minute: SQLite, concurrency 1 and 4, 2,000 identities, short phases (CI)" };
var concurrency = new Option<int[]>("--concurrency")
{
    Description = "concurrencies to run (default 1 4 16 64; quick: 1 4)",
    AllowMultipleArgumentsPerToken = true,
};
var scales = new Option<int[]>("--scales")
{
    Description = "identity counts for the lookup and credential list scenarios (default 10000 100000 1000000; quick: 2000)",
    AllowMultipleArgumentsPerToken = true,
};
var duration = new Option<double?>("--duration") { Description = "seconds of each timed phase (default 10; quick 2)" };
var warmUp = new Option<double?>("--warmup") { Description = "seconds of warm-up before each timed phase (default 3; quick 1)" };
var jitWarmUp = new Option<double?>("--jit-warmup") { Description = "seconds of mixed load before the first scenario (default 24; quick 0)" };
var results = new Option<string?>("--results") { Description = "directory for the markdown table and chart (default bench/results; quick: a temporary directory)" };
var noBuild = new Option<bool>("--no-build") { Description = "use the server's existing published build" };
var only = new Option<string[]>("--only")
{
    Description = "run only scenarios whose names start with these (ceilings always run)",
    AllowMultipleArgumentsPerToken = true,
};

var replot = new Option<string?>("--replot") { Description = "redraw the chart from a saved JSON-lines file (writes the .png beside it) and exit" };

var root = new RootCommand("Passbind load driver: binds and sign-ins per second, latency and scale, against this machine's own ceilings (issues 6 and 11).")
{
    provider, connection, quick, concurrency, scales, duration, warmUp, jitWarmUp, results, noBuild, only, replot,
};

root.SetAction(async (parse, cancellationToken) =>
{
    if (parse.GetValue(replot) is { } saved)
    {
        var lines = await File.ReadAllLinesAsync(saved, cancellationToken);
        var loaded = lines.Where(l => l.StartsWith('{'))
            .Select(l => System.Text.Json.JsonSerializer.Deserialize(l, Passbind.Bench.Reporting.ResultJsonContext.Default.ScenarioResult)!)
            .ToList();
        var levels = loaded.Where(r => !r.Scenario.StartsWith("ceiling", StringComparison.Ordinal) && r.Scenario != "restart_ready")
            .Select(r => r.Concurrency).Distinct().Order().ToList();
        Passbind.Bench.Reporting.Chart.Save(Path.ChangeExtension(saved, ".png"), loaded[0].Provider, loaded, levels);
        return 0;
    }

    var isQuick = parse.GetValue(quick);
    var settings = new BenchSettings(
        Provider: isQuick ? Providers.Sqlite : parse.GetValue(provider)!,
        ConnectionString: parse.GetValue(connection),
        Quick: isQuick,
        Concurrencies: parse.GetValue(concurrency) is { Length: > 0 } c ? c : isQuick ? [1, 4] : [1, 4, 16, 64],
        Scales: parse.GetValue(scales) is { Length: > 0 } s ? s : isQuick ? [2_000] : [10_000, 100_000, 1_000_000],
        JitWarmUp: TimeSpan.FromSeconds(parse.GetValue(jitWarmUp) ?? (isQuick ? 0 : 24)),
        WarmUp: TimeSpan.FromSeconds(parse.GetValue(warmUp) ?? (isQuick ? 1 : 3)),
        Duration: TimeSpan.FromSeconds(parse.GetValue(duration) ?? (isQuick ? 2 : 10)),
        CeilingDuration: TimeSpan.FromSeconds(isQuick ? 1 : 8),
        ResultsDirectory: parse.GetValue(results) ?? Path.Combine(Passbind.Bench.Server.RepositoryRoot.Find(), "bench", "results"),
        NoBuild: parse.GetValue(noBuild),
        Only: parse.GetValue(only));
    try
    {
        return await new BenchRun(settings, progress).RunAsync(cancellationToken);
    }
    catch (Exception exception) when (exception is not OperationCanceledException)
    {
        progress.WriteException(exception);
        return 2;
    }
});

return await root.Parse(args).InvokeAsync();
