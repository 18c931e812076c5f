using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Features.Console;

/// <summary>The <c>Passbind:Console</c> configuration section: the admin console's session.</summary>
internal sealed class ConsoleOptions : IValidatableObject
{
    public const string SectionName = "Passbind:Console";

    /// <summary>A console session ends after this long without a request. Default 30 minutes.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdleTimeout <= TimeSpan.Zero || IdleTimeout > TimeSpan.FromHours(12))
        {
            yield return new ValidationResult($"{SectionName}:IdleTimeout must be more than zero and at most 12 hours.");
        }
    }
}
