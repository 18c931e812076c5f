namespace Passbind.Server.Features.Email;

/// <summary>What "retry now" did with a message.</summary>
internal enum OutboxRetryOutcome
{
    Queued,
    NotFound,

    /// <summary>Only a failed message can be retried (a pending one is already being tried).</summary>
    NotFailed,

    /// <summary>The message carries a binding link whose job expired or ended: it is never sent.</summary>
    LinkEnded,
}
