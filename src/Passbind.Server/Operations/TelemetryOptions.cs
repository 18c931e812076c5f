using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Operations;

/// <summary>Metrics and traces (<c>Passbind:Telemetry</c>). Everything is off by default.</summary>
internal sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Passbind:Telemetry";

    /// <summary>Serve Prometheus text at <c>GET /metrics</c>. Default false (then <c>/metrics</c> answers 404).</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// An OpenTelemetry collector to push metrics and traces to over OTLP (e.g. <c>http://collector:4317</c>).
    /// Default: none, and no traces are recorded.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The <c>service.name</c> the telemetry carries. Default <c>passbind</c>.</summary>
    public string ServiceName { get; set; } = "passbind";

    /// <summary>How often the outbox's depth and oldest pending message are read from the database. Default 15 seconds.</summary>
    public TimeSpan OutboxSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsEnabled => Prometheus || !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return new ValidationResult($"{SectionName}:OtlpEndpoint '{OtlpEndpoint}' is not an absolute http or https URL. Set it to the collector's OTLP address, e.g. http://collector:4317.");
        }

        if (OutboxSampleInterval < TimeSpan.FromSeconds(1) || OutboxSampleInterval > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"{SectionName}:OutboxSampleInterval must be from 1 second to 10 minutes.");
        }

        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            yield return new ValidationResult($"{SectionName}:ServiceName must not be empty.");
        }
    }
}
