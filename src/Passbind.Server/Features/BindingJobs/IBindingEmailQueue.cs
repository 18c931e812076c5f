using Passbind.Server.Features.RateLimits;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.BindingJobs;

/// <summary>
/// Queues the email that carries an EMAIL job's link. It adds its rows to the given context without
/// saving, so the job and its message commit in one transaction (a transactional outbox). Its limits keep
/// whoever asks for links from flooding an inbox.
/// </summary>
internal interface IBindingEmailQueue : IInboxLimits
{
    Task EnqueueAsync(PassbindDbContext db, CredentialBindingJob job, Identity identity, string link, CancellationToken cancellationToken);
}
