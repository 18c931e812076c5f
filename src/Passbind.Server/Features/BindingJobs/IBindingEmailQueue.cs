using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.BindingJobs;

/// <summary>
/// Queues the email that carries an EMAIL job's link. It adds its rows to the given context without
/// saving, so the job and its message commit in one transaction (a transactional outbox). It also says how
/// much mail one inbox may receive, so that whoever asks for links cannot flood it (catalogue #96).
/// </summary>
internal interface IBindingEmailQueue
{
    /// <summary>How long until <paramref name="identity"/>'s inbox may receive another link, or null when it may now.</summary>
    Task<TimeSpan?> RetryAfterAsync(PassbindDbContext db, Identity identity, CancellationToken cancellationToken);

    /// <summary>Queues the link's message; once the caller has saved, <see cref="CountAsync"/> counts it.</summary>
    Task EnqueueAsync(PassbindDbContext db, CredentialBindingJob job, Identity identity, string link, CancellationToken cancellationToken);

    /// <summary>Counts a link queued for <paramref name="identity"/> against its inbox's limits.</summary>
    Task CountAsync(PassbindDbContext db, Identity identity, CancellationToken cancellationToken);
}
