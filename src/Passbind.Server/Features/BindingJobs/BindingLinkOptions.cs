using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Features.BindingJobs;

/// <summary>
/// The <c>Passbind:Links</c> section: how long binding links live (NIST SP 800-63B-4: returned codes ≤10 min,
/// emailed ≤24 h).
/// </summary>
internal sealed class BindingLinkOptions : IValidatableObject
{
    public const string SectionName = "Passbind:Links";

    public TimeSpan ReturnLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan EmailLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>No lifetime may exceed this. Default and ceiling: 7 days, Beyond Identity's own link lifetime.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(7);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxLifetime <= TimeSpan.Zero || MaxLifetime > TimeSpan.FromDays(7))
        {
            yield return new ValidationResult("Passbind:Links:MaxLifetime must be more than zero and at most 7 days.");
        }

        foreach (var (name, lifetime) in new[] { ("ReturnLifetime", ReturnLifetime), ("EmailLifetime", EmailLifetime) })
        {
            if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            {
                yield return new ValidationResult($"Passbind:Links:{name} must be more than zero and at most Passbind:Links:MaxLifetime.");
            }
        }
    }
}
