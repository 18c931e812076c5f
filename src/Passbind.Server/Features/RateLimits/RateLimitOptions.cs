using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Features.RateLimits;

/// <summary>
/// The <c>Passbind:RateLimits</c> section (docs/security.md, "Rate limits"). Each limit allows <c>Limit</c> events in
/// a fixed window of <c>Window</c>; a <c>Limit</c> of zero turns it off.
/// </summary>
internal sealed class RateLimitOptions : IValidatableObject
{
    public const string SectionName = "Passbind:RateLimits";

    /// <summary>Refused client authentications per application at its token endpoint. Default 10 per 5 minutes.</summary>
    public RateLimit TokenFailuresPerClient { get; set; } = new(10, TimeSpan.FromMinutes(5));

    /// <summary>Refused client authentications per client address, any application. Default 50 per 5 minutes.</summary>
    public RateLimit TokenFailuresPerAddress { get; set; } = new(50, TimeSpan.FromMinutes(5));

    /// <summary>Unknown or forged binding-link tokens per client address (link GET and ceremony calls). Default 20 per 5 minutes.</summary>
    public RateLimit UnknownLinksPerAddress { get; set; } = new(20, TimeSpan.FromMinutes(5));

    /// <summary>
    /// Refused sign-in calls per client address: forged or unknown transactions, refused assertions and wrong one-time
    /// codes. Default 30 per 5 minutes.
    /// </summary>
    public RateLimit SignInFailuresPerAddress { get; set; } = new(30, TimeSpan.FromMinutes(5));

    /// <summary>
    /// Refused assertions with one identity's passkeys, from any address (NIST SP 800-63B-4 §3.2.2: at most 100
    /// failures); at the limit that identity's passkey sign-ins wait, and a success starts the count again.
    /// Default 100 per hour.
    /// </summary>
    public RateLimit AssertionFailuresPerIdentity { get; set; } = new(100, TimeSpan.FromHours(1));

    /// <summary>
    /// Management API requests per application (its tokens together), counted on each node. Off by default (a limit
    /// of 0): an application's own backend is trusted to pace itself, and a bench or a bulk import should not meet a
    /// limit it did not ask for; set it to bound what a leaked token can do. For example 1000 per 10 seconds.
    /// </summary>
    public RateLimit RequestsPerApplication { get; set; } = new(0, TimeSpan.FromSeconds(10));

    /// <summary>Failed completions (verification refused) one link survives; the next failure revokes it. Default 5.</summary>
    public int FailedCompletionsPerLink { get; set; } = 5;

    /// <summary>Binding links and sign-in codes emailed to one identity. Default 10 per hour.</summary>
    public RateLimit EmailsPerIdentity { get; set; } = new(10, TimeSpan.FromHours(1));

    /// <summary>Binding links and sign-in codes emailed to one address, any identity or realm. Default 10 per hour.</summary>
    public RateLimit EmailsPerAddress { get; set; } = new(10, TimeSpan.FromHours(1));

    /// <summary>Passkeys one identity may hold; a ceremony for one more is refused. Default 20.</summary>
    public int MaxPasskeysPerIdentity { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var limits = new[]
        {
            (nameof(TokenFailuresPerClient), TokenFailuresPerClient), (nameof(TokenFailuresPerAddress), TokenFailuresPerAddress),
            (nameof(UnknownLinksPerAddress), UnknownLinksPerAddress), (nameof(EmailsPerIdentity), EmailsPerIdentity),
            (nameof(EmailsPerAddress), EmailsPerAddress), (nameof(SignInFailuresPerAddress), SignInFailuresPerAddress),
            (nameof(AssertionFailuresPerIdentity), AssertionFailuresPerIdentity), (nameof(RequestsPerApplication), RequestsPerApplication),
        };
        foreach (var (name, limit) in limits)
        {
            if (limit.Limit < 0 || limit.Window < TimeSpan.FromSeconds(1) || limit.Window > TimeSpan.FromDays(1))
            {
                yield return new ValidationResult($"{SectionName}:{name}: Limit must not be negative and Window must be from 1 second to 1 day.");
            }
        }

        if (FailedCompletionsPerLink < 0 || MaxPasskeysPerIdentity < 0)
        {
            yield return new ValidationResult($"{SectionName}: FailedCompletionsPerLink and MaxPasskeysPerIdentity must not be negative.");
        }
    }
}
