using Passbind.Storage;

namespace Passbind.Server.Features.BindingJobs;

/// <summary>
/// What the email outbox asks and tells the binding jobs feature about an EMAIL job's link: whether the job
/// still wants it sent, and that it could not be sent. The feature owns its jobs' states; the outbox only
/// reports. Both take the outbox's context, so what they read and write belongs to its round.
/// </summary>
internal interface IBindingEmailDelivery
{
    /// <summary>
    /// Of <paramref name="jobIds"/>, the jobs whose link must no longer be sent (revoked, completed, failed, or
    /// deleted), each with why: its state, or <c>gone</c>.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> FindEndedAsync(PassbindDbContext db, IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken);

    /// <summary>The job's link could not be sent and never will be: a job still waiting for it becomes FAILED_TO_SEND.</summary>
    Task SendFailedAsync(PassbindDbContext db, string jobId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// An operator sends a failed link again: a FAILED_TO_SEND job whose link has not expired waits for it again
    /// (LINK_SENT). Answers false when the job no longer wants a link.
    /// </summary>
    Task<bool> ResendAsync(PassbindDbContext db, string jobId, DateTimeOffset now, CancellationToken cancellationToken);
}
