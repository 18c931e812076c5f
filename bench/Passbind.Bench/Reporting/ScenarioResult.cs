using System.Text.Json.Serialization;

namespace Passbind.Bench.Reporting;

/// <summary>One line of the driver's output: the keys issue 6 lists, then the server's CPU per operation and the outbox's figures where they apply.</summary>
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
    /// <summary>Server CPU time (user + system, from /proc) per completed operation of the timed phase; absent for ceilings.</summary>
    [JsonPropertyName("server_cpu_ms_per_op")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ServerCpuMsPerOp { get; init; }

    /// <summary>Email outbox messages still pending at the end of the timed phase (scenarios that queue mail only).</summary>
    [JsonPropertyName("outbox_pending")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? OutboxPending { get; init; }

    /// <summary>How long the oldest of those had been waiting, in seconds; 0 when none was pending.</summary>
    [JsonPropertyName("outbox_oldest_pending_s")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OutboxOldestPendingSeconds { get; init; }

    /// <summary>Messages the outbox sent during the timed phase, per second of it.</summary>
    [JsonPropertyName("outbox_sent_per_s")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OutboxSentPerSecond { get; init; }

    /// <summary>
    /// Server CPU per message while the outbox drained what the phase left pending, with no load running; absent
    /// when too few messages were left to measure it.
    /// </summary>
    [JsonPropertyName("outbox_cpu_ms_per_notice")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OutboxCpuMsPerNotice { get; init; }
}
