using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.Audit;
using Passbind.Server.Features.Email;
using Passbind.Storage;

namespace Passbind.Server.Features.Retention;

/// <summary>
/// Removes what no request will read again, on every node every <see cref="RetentionOptions.SweepInterval"/>
/// (each step is one idempotent statement, so nodes sweeping together do no harm): finished outbox messages past
/// their retention, the sealed link of dev-mailbox messages whose link has expired, expired sign-in transactions,
/// authorization codes and token records, rate-limit counters whose window has passed, and audit events older than
/// <c>Passbind:Audit:Retention</c>. Ceremony challenges are sealed, not stored, so there are none to sweep.
/// </summary>
internal sealed class RetentionSweeper(
    IServiceScopeFactory scopes, IOptions<RetentionOptions> options, IOptions<AuditOptions> audit, TimeProvider time, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    /// <summary>One sweep at the current time; answers how many rows it removed or cleaned.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var now = time.GetUtcNow();
        var retention = options.Value;

        var outboxBefore = now - retention.OutboxMessages;
        var messages = await db.OutboxMessages
            .Where(m => m.State != OutboxStates.Pending && m.CreateTime <= outboxBefore)
            .ExecuteDeleteAsync(cancellationToken);
        messages += await RedactExpiredDevMailboxLinksAsync(db, now, cancellationToken);

        var signInsBefore = now - retention.ExpiredSignIns;
        var signIns = await db.AuthorizationCodes.Where(c => c.ExpireTime <= signInsBefore).ExecuteDeleteAsync(cancellationToken);
        signIns += await db.SignInTransactions.Where(t => t.ExpireTime <= signInsBefore).ExecuteDeleteAsync(cancellationToken);

        // A token's record decides whether it is active; once the token has expired the answer is no either way.
        signIns += await db.IssuedTokens.Where(t => t.ExpireTime <= signInsBefore).ExecuteDeleteAsync(cancellationToken);
        await db.RateLimitCounters.Where(c => c.ExpireTime <= now).ExecuteDeleteAsync(cancellationToken);
        var eventsBefore = now - audit.Value.Retention;
        await db.AuditEvents.Where(e => e.Time <= eventsBefore).ExecuteDeleteAsync(cancellationToken);

        if (messages + signIns > 0)
        {
            Log.RetentionSwept(logger, messages, signIns);
        }

        return messages + signIns;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && options.Value.SweepInterval > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A database hiccup must not end sweeping for good; the next round tries again.
                Log.RetentionSweepFailed(logger, exception);
            }
        }
    }

    /// <summary>Dev-mailbox messages keep their sealed link to show it; once the link has expired it goes too.</summary>
    private static async Task<int> RedactExpiredDevMailboxLinksAsync(PassbindDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Transport == OutboxKinds.TransportDevMailbox && m.LinkExpireTime <= now
                && (m.Fields!.Contains(SealedLinks.MarkerPrefix) || m.TextBody!.Contains(SealedLinks.MarkerPrefix)))
            .Take(500)
            .ToListAsync(cancellationToken);
        foreach (var message in expired)
        {
            var (fields, text, html) = OutboxContent.Redacted(message);
            await db.OutboxMessages.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Fields, fields).SetProperty(m => m.TextBody, text).SetProperty(m => m.HtmlBody, html), cancellationToken);
        }

        return expired.Count;
    }
}
