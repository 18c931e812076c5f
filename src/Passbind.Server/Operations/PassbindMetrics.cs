using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Passbind.Server.Operations;

/// <summary>
/// The server's own metrics: every instrument and its name in one place, and one method per event that a
/// feature reports with one call. Exported by OpenTelemetry (docs/operations.md lists the Prometheus names);
/// when nothing listens, a call costs a check of <see cref="Instrument.Enabled"/>.
/// </summary>
/// <remarks>Tag values come from fixed sets (outcome codes, step names), never from a request, so series stay few.</remarks>
internal sealed class PassbindMetrics
{
    public const string MeterName = "Passbind.Server";

    /// <summary>The source of the server's own spans (outbox rounds), beside ASP.NET Core's request spans.</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    /// <summary>The outcome of a ceremony step or a bind that succeeded; failures carry their error code instead.</summary>
    public const string Success = "success";

    // Seconds: from a fast database read to the slowest ceremony a user would wait for.
    private static readonly IReadOnlyList<double> LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _binds;
    private readonly Counter<long> _signIns;
    private readonly Histogram<double> _ceremonyDuration;
    private readonly Counter<long> _tokensIssued;
    private readonly Counter<long> _rateLimitRefusals;
    private readonly Counter<long> _emailsSent;
    private readonly Counter<long> _emailSendFailures;
    private readonly Histogram<double> _databaseDuration;

    public PassbindMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        var latency = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets };
        _binds = meter.CreateCounter<long>("passbind.binds", "{bind}", "Binding ceremonies ended, by outcome (success, or the error code of the step that refused it)");
        _signIns = meter.CreateCounter<long>("passbind.sign_ins", "{sign_in}", "Sign-in ceremonies ended, by outcome (success, or the error code of the step that refused it)");
        _ceremonyDuration = meter.CreateHistogram("passbind.ceremony.duration", "s", "Time to answer a step of a ceremony, by ceremony, step and outcome", advice: latency);
        _tokensIssued = meter.CreateCounter<long>("passbind.tokens.issued", "{token}", "Access tokens issued, by grant type");
        _rateLimitRefusals = meter.CreateCounter<long>("passbind.rate_limit.refusals", "{request}", "Requests refused by a rate limit, by policy");
        _emailsSent = meter.CreateCounter<long>("passbind.outbox.sent", "{message}", "Outbox messages delivered, by kind");
        _emailSendFailures = meter.CreateCounter<long>("passbind.outbox.send_failures", "{message}", "Outbox send attempts that failed, by failure (temporary: retried; permanent: given up)");
        _databaseDuration = meter.CreateHistogram("passbind.db.operation.duration", "s", "Time of each database command, by provider and outcome", advice: latency);
        Meter = meter;
    }

    /// <summary>For observable instruments registered elsewhere (<see cref="OutboxBacklog"/>).</summary>
    public Meter Meter { get; }

    /// <summary>A binding ceremony ended: <paramref name="outcome"/> is <see cref="Success"/> or the error code that refused it.</summary>
    public void BindCompleted(string outcome) => Count(_binds, "outcome", outcome);

    /// <summary>A sign-in ceremony ended: <paramref name="outcome"/> is <see cref="Success"/> or the error code that refused it.</summary>
    public void SignInCompleted(string outcome) => Count(_signIns, "outcome", outcome);

    public void CeremonyStepMeasured(string ceremony, string step, string outcome, TimeSpan elapsed)
    {
        if (_ceremonyDuration.Enabled)
        {
            _ceremonyDuration.Record(elapsed.TotalSeconds, new("ceremony", ceremony), new("step", step), new("outcome", outcome));
        }
    }

    /// <summary>An access token went out, e.g. <c>client_credentials</c> or <c>authorization_code</c>.</summary>
    public void TokenIssued(string grantType) => Count(_tokensIssued, "grant_type", grantType);

    public void RateLimitRefused(string policy) => Count(_rateLimitRefusals, "policy", policy);

    public void EmailSent(string kind) => Count(_emailsSent, "kind", kind);

    /// <summary><paramref name="permanent"/>: given up (the job is FAILED_TO_SEND); else retried later.</summary>
    public void EmailSendFailed(bool permanent) => Count(_emailSendFailures, "failure", permanent ? "permanent" : "temporary");

    public void DatabaseCommandMeasured(string system, bool failed, TimeSpan elapsed)
    {
        if (_databaseDuration.Enabled)
        {
            _databaseDuration.Record(elapsed.TotalSeconds, new("db.system", system), new("outcome", failed ? "error" : Success));
        }
    }

    private static void Count(Counter<long> counter, string tag, string value)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>(tag, value));
        }
    }
}
