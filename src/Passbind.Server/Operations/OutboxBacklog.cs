using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.Email;
using Passbind.Storage;

namespace Passbind.Server.Operations;

/// <summary>
/// The outbox's backlog as gauges: how many messages wait (<c>passbind.outbox.depth</c>) and how long the oldest
/// has waited (<c>passbind.outbox.oldest_pending_age</c>). Read from the database every
/// <see cref="TelemetryOptions.OutboxSampleInterval"/>, so a scrape never waits on it; every node reports the
/// same shared figures. Runs only while telemetry is on.
/// </summary>
internal sealed class OutboxBacklog(
    IServiceScopeFactory scopes, PassbindMetrics metrics, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<OutboxBacklog> logger) : BackgroundService
{
    private long _depth;
    private DateTimeOffset? _oldest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.Meter.CreateObservableGauge("passbind.outbox.depth", () => Volatile.Read(ref _depth), "{message}", "Outbox messages waiting to be sent");
        metrics.Meter.CreateObservableGauge(
            "passbind.outbox.oldest_pending_age",
            () => _oldest is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0,
            "s",
            "How long the oldest message waiting to be sent has waited");
        using var timer = new PeriodicTimer(options.Value.OutboxSampleInterval, time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                // The database is away: keep the last figures, readiness already says so.
                Log.OutboxBacklogUnavailable(logger, exception.GetType().Name);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.State == OutboxStates.Pending);
        var depth = await pending.LongCountAsync(cancellationToken);
        var oldest = depth == 0 ? (DateTimeOffset?)null : await pending.OrderBy(m => m.CreateTime).Select(m => (DateTimeOffset?)m.CreateTime).FirstOrDefaultAsync(cancellationToken);
        Volatile.Write(ref _depth, depth);
        _oldest = oldest;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
