using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.BindingJobs;
using Passbind.Storage;

namespace Passbind.Server.Features.Email;

/// <summary>
/// "Retry now" for a message that failed: it goes back to pending, due at once, for one more attempt (its
/// attempt count stays, so a message that fails again is failed again). A binding link goes back only while
/// its job can still use it; the job then waits for the link again.
/// </summary>
internal sealed class OutboxRetry(IBindingEmailDelivery bindingJobs, OutboxSignal signal, TimeProvider time)
{
    public async Task<OutboxRetryOutcome> RetryAsync(PassbindDbContext db, string tenantId, string realmId, string messageId, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == messageId && m.TenantId == tenantId && m.RealmId == realmId, cancellationToken);
        if (message is null)
        {
            return OutboxRetryOutcome.NotFound;
        }

        if (message.State != OutboxStates.Failed)
        {
            return OutboxRetryOutcome.NotFailed;
        }

        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (message.JobId is not null && !await bindingJobs.ResendAsync(db, message.JobId, now, cancellationToken))
            {
                return OutboxRetryOutcome.LinkEnded;
            }

            var updated = await db.OutboxMessages
                .Where(m => m.Id == messageId && m.State == OutboxStates.Failed)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, OutboxStates.Pending).SetProperty(m => m.NextAttemptTime, now), cancellationToken);
            if (updated == 0)
            {
                return OutboxRetryOutcome.NotFailed;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        signal.Notify();
        return OutboxRetryOutcome.Queued;
    }
}
