using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Passbind.Storage;

namespace Passbind.Server.Features.Email;

/// <summary>
/// Keeps a round's lease alive while it sends: every third of the lease, on a context of its own, it extends the
/// lease on the messages the round claimed and has not recorded yet. A slow SMTP server or a long batch then never
/// lets another sender take over messages this one is still sending (which would send them twice); a sender that
/// has died stops renewing, and its lease passes as before. When a renewal finds fewer messages than the round
/// still holds, another sender has taken some: <see cref="Lost"/> tells the round to send no more.
/// </summary>
internal sealed class OutboxLeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _held;
    private volatile bool _lost;

    private OutboxLeaseRenewal(IServiceScopeFactory scopes, string claim, List<string> claimedIds, TimeSpan leaseDuration, TimeProvider time, ILogger logger)
    {
        _held = claimedIds.Count;
        _loop = RenewAsync(scopes, claim, claimedIds, leaseDuration, time, logger);
    }

    public bool Lost => _lost;

    /// <summary>
    /// Starts renewing the lease <paramref name="claim"/> on <paramref name="claimedIds"/>, found by primary key (the
    /// lease owner has no index, so a renewal by owner would read the whole outbox).
    /// </summary>
    public static OutboxLeaseRenewal Start(IServiceScopeFactory scopes, string claim, List<string> claimedIds, TimeSpan leaseDuration, TimeProvider time, ILogger logger) =>
        new(scopes, claim, claimedIds, leaseDuration, time, logger);

    /// <summary>Call before recording a message on its own: from then on the round no longer holds it.</summary>
    public void Releasing() => Interlocked.Decrement(ref _held);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RenewAsync(IServiceScopeFactory scopes, string claim, List<string> claimedIds, TimeSpan leaseDuration, TimeProvider time, ILogger logger)
    {
        var interval = leaseDuration / 3;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, _stop.Token);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
                var leaseUntil = time.GetUtcNow() + leaseDuration;
                var renewed = await db.OutboxMessages
                    .Where(m => claimedIds.Contains(m.Id) && m.LeaseOwner == claim)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseExpireTime, leaseUntil), CancellationToken.None);
                if (renewed < Volatile.Read(ref _held))
                {
                    _lost = true;
                    return;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
            {
                // The database is away: the next renewal tries again; if the lease passes meanwhile, another
                // sender may take the messages over, as with a sender that died.
                Log.OutboxLeaseRenewalFailed(logger, exception.GetType().Name);
            }
        }
    }
}
