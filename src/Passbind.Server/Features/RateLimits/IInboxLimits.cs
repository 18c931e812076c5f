using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.RateLimits;

/// <summary>
/// How much mail that someone else asks for one inbox may receive (catalogue #96): binding links and sign-in codes
/// count together, per identity and per address, so whoever can ask for them cannot flood the inbox.
/// </summary>
internal interface IInboxLimits
{
    /// <summary>How long until <paramref name="identity"/>'s inbox may receive another message, or null when it may now.</summary>
    Task<TimeSpan?> RetryAfterAsync(PassbindDbContext db, Identity identity, CancellationToken cancellationToken);

    /// <summary>Counts a message queued for <paramref name="identity"/>, once the caller has saved it.</summary>
    Task CountAsync(PassbindDbContext db, Identity identity, CancellationToken cancellationToken);
}
