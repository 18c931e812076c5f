using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>The <c>Passbind:WebAuthn</c> section: the relying party that configs without their own speak for, and the ceremonies' timeout.</summary>
internal sealed class WebAuthnOptions : IValidatableObject
{
    public const string SectionName = "Passbind:WebAuthn";

    /// <summary>The relying party id. Default: the host of the public base URL.</summary>
    public string? RpId { get; set; }

    /// <summary>The relying party name shown by authenticators. Default <c>Passbind</c>.</summary>
    public string RpName { get; set; } = "Passbind";

    /// <summary>How long a registration challenge stays valid. Default 5 minutes (WebAuthn L3 recommends 5–10).</summary>
    public TimeSpan ChallengeTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ChallengeTimeout < TimeSpan.FromMinutes(1) || ChallengeTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Passbind:WebAuthn:ChallengeTimeout must be from 1 to 10 minutes.");
        }
    }
}
