namespace Passbind.Bench;

/// <summary>What one run measures, from the command line.</summary>
internal sealed record BenchSettings(
    string Provider,
    string? ConnectionString,
    bool Quick,
    IReadOnlyList<int> Concurrencies,
    IReadOnlyList<int> Scales,
    TimeSpan JitWarmUp,
    TimeSpan WarmUp,
    TimeSpan Duration,
    TimeSpan CeilingDuration,
    string ResultsDirectory,
    bool NoBuild,
    IReadOnlyCollection<string>? Only)
{
    public bool IsPostgreSql => Provider == Providers.PostgreSql;

    public bool Runs(string scenario) => Only is null || Only.Count == 0 || Only.Any(o => scenario.StartsWith(o, StringComparison.Ordinal));
}
