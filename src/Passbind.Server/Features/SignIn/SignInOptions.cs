using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Features.SignIn;

/// <summary>The <c>Passbind:SignIn</c> configuration section: how long the pieces of a sign-in live.</summary>
internal sealed class SignInOptions : IValidatableObject
{
    public const string SectionName = "Passbind:SignIn";

    /// <summary>How long a sign-in transaction (and its request JWT) stays open. Default 10 minutes.</summary>
    public TimeSpan TransactionLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an emailed one-time code works. Default 5 minutes.</summary>
    public TimeSpan OneTimeCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong tries a transaction's one-time codes allow, all codes of the transaction together. Default 5.</summary>
    public int OneTimeCodeMaxAttempts { get; set; } = 5;

    /// <summary>The shortest time between two codes sent for one transaction. Default 1 minute.</summary>
    public TimeSpan OneTimeCodeResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a <c>passkey_binding_token</c> can create a binding link. Default 10 minutes.</summary>
    public TimeSpan PasskeyBindingTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TransactionLifetime < TimeSpan.FromMinutes(1) || TransactionLifetime > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"{SectionName}:TransactionLifetime must be from 1 minute to 1 hour.");
        }

        // NIST SP 800-63B and ASVS 6.5.5: out-of-band codes live at most 10 minutes.
        if (OneTimeCodeLifetime < TimeSpan.FromMinutes(1) || OneTimeCodeLifetime > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"{SectionName}:OneTimeCodeLifetime must be from 1 to 10 minutes.");
        }

        if (OneTimeCodeMaxAttempts is < 1 or > 10)
        {
            yield return new ValidationResult($"{SectionName}:OneTimeCodeMaxAttempts must be from 1 to 10.");
        }

        if (OneTimeCodeResendInterval < TimeSpan.Zero || OneTimeCodeResendInterval > OneTimeCodeLifetime)
        {
            yield return new ValidationResult($"{SectionName}:OneTimeCodeResendInterval must be from 0 to OneTimeCodeLifetime.");
        }

        if (PasskeyBindingTokenLifetime < TimeSpan.FromMinutes(1) || PasskeyBindingTokenLifetime > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"{SectionName}:PasskeyBindingTokenLifetime must be from 1 to 10 minutes.");
        }
    }
}
