namespace Passbind.Bench.Load;

/// <summary>What one timed phase measured: completed operations, errors, the window, and every latency.</summary>
internal sealed record LoadMeasurement(long Completed, long Errors, TimeSpan Window, double[] LatenciesMs, string? FirstError)
{
    /// <summary>The server's CPU time (user + system) over the timed phase, when it was read.</summary>
    public double? ServerCpuMs { get; init; }

    public double? ServerCpuMsPerOp => Completed == 0 ? null : ServerCpuMs / Completed;

    public double OpsPerSecond => Window.TotalSeconds > 0 ? Completed / Window.TotalSeconds : 0;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return 0;
        }

        // Nearest rank on the sorted latencies.
        var rank = (int)Math.Ceiling(p / 100.0 * LatenciesMs.Length);
        return LatenciesMs[Math.Clamp(rank - 1, 0, LatenciesMs.Length - 1)];
    }

    public double Max => LatenciesMs.Length == 0 ? 0 : LatenciesMs[^1];
}
