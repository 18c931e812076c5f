using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Features.Audit;

/// <summary>The <c>Passbind:Audit</c> section.</summary>
internal sealed class AuditOptions : IValidatableObject
{
    public const string SectionName = "Passbind:Audit";

    /// <summary>How long audit events are kept; the retention sweep removes older ones. Default 90 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Retention < TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"{SectionName}:Retention must be at least 1 hour.");
        }
    }
}
