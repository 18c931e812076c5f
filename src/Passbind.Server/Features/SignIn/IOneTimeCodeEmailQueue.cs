using Passbind.Server.Features.RateLimits;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// Queues the "Login instructions" email that carries a one-time code. Like the other queues of the outbox, it
/// adds its row to the given context without saving, so the message commits with the code it carries. Codes
/// count against the same inbox limits as binding links.
/// </summary>
internal interface IOneTimeCodeEmailQueue : IInboxLimits
{
    Task EnqueueAsync(PassbindDbContext db, Identity identity, string code, DateTimeOffset expireTime, CancellationToken cancellationToken);
}
