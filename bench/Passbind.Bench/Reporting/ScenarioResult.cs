using System.Text.Json.Serialization;

namespace Passbind.Bench.Reporting;

/// <summary>One line of the driver's output, with exactly the keys issue 6 lists.</summary>
internal sealed record ScenarioResult(
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("concurrency")] int Concurrency,
    [property: JsonPropertyName("ops_per_s")] double OpsPerSecond,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p90_ms")] double P90Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("max_ms")] double MaxMs,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("ceiling_ops_per_s")] double CeilingOpsPerSecond,
    [property: JsonPropertyName("ratio")] double Ratio,
    [property: JsonPropertyName("server_rss_mb")] double ServerRssMb)
{
    /// <summary>Server CPU time (user + system) per completed operation; in the markdown table only, not in the JSON lines.</summary>
    [JsonIgnore]
    public double? ServerCpuMsPerOp { get; init; }
}
