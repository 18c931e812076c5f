using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Features.Retention;

/// <summary>The <c>Passbind:Retention</c> section: how long the server keeps what it no longer needs (docs/security.md, "Retention").</summary>
internal sealed class RetentionOptions : IValidatableObject
{
    public const string SectionName = "Passbind:Retention";

    /// <summary>How often each node sweeps. Default 10 minutes; zero turns the background sweep off (an outside job may run it).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a finished outbox message (sent, failed, expired or cancelled) is kept after it was queued. Default 7 days.</summary>
    public TimeSpan OutboxMessages { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an expired sign-in transaction or authorization code is kept after its expiry. Default 1 day.</summary>
    public TimeSpan ExpiredSignIns { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SweepInterval != TimeSpan.Zero && (SweepInterval < TimeSpan.FromSeconds(1) || SweepInterval > TimeSpan.FromDays(1)))
        {
            yield return new ValidationResult($"{SectionName}:SweepInterval must be zero (off) or from 1 second to 1 day.");
        }

        foreach (var (name, value) in new[] { (nameof(OutboxMessages), OutboxMessages), (nameof(ExpiredSignIns), ExpiredSignIns) })
        {
            if (value < TimeSpan.Zero)
            {
                yield return new ValidationResult($"{SectionName}:{name} must not be negative.");
            }
        }
    }
}
