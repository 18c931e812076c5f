using System.ComponentModel.DataAnnotations;

namespace Passbind.Server.Features.Email;

/// <summary>How the outbox sender works (<c>Passbind:Email</c>). The SMTP server itself is <c>Passbind:Smtp</c>.</summary>
internal sealed class EmailOptions
{
    public const string SectionName = "Passbind:Email";

    /// <summary>Attempts before a message is given up and its job marked FAILED_TO_SEND. Default 8.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles with each attempt (with jitter). Default 5 seconds.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts. Default 10 minutes.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the sender looks for due messages when nothing wakes it. Default 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a sender owns the messages it claimed. Another node (or this one after a restart) takes them
    /// over once it passes, so it must outlast a batch. Default 5 minutes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The timeout of each SMTP operation. Default 30 seconds.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages claimed at a time. Default 100.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How long the sender, woken by a commit, waits for more messages before its round (it starts sooner once a batch
    /// has committed), so that messages committed close together share one round. Zero sends at every wake-up. From 0
    /// to 10 seconds; default 50 milliseconds.
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    public bool HasPositiveTimes() =>
        InitialBackoff > TimeSpan.Zero && MaxBackoff >= InitialBackoff && PollInterval > TimeSpan.Zero
        && LeaseDuration > TimeSpan.Zero && SmtpTimeout > TimeSpan.Zero && SmtpTimeout.TotalMilliseconds <= int.MaxValue;

    public bool HasBatchWindow() => BatchWindow >= TimeSpan.Zero && BatchWindow <= TimeSpan.FromSeconds(10);
}
