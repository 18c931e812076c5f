using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Hosting;
using Passbind.Server.Operations;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.RateLimits;

/// <summary>
/// Fixed-window counters kept in the database, so a limit holds across every node of one deployment (catalogue
/// #108). Checking is one indexed read; only what a limit counts (a failure, an emailed link) writes, so a
/// successful bind or token request adds no write and no commit of its own.
/// </summary>
internal sealed class RateLimiter(PassbindMetrics metrics, TimeProvider time)
{
    /// <summary>
    /// How long until every one of <paramref name="counted"/> is under its limit again, or null when none is at it.
    /// </summary>
    public async Task<TimeSpan?> RefusalAsync(PassbindDbContext db, IReadOnlyList<Counted> counted, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var active = counted.Where(c => c.Rule.Limit > 0).Select(c => (Counted: c, Key: KeyOf(c, now, out var end), End: end)).ToList();
        if (active.Count == 0)
        {
            return null;
        }

        var keys = active.Select(a => a.Key).ToList();
        var counts = await db.RateLimitCounters.AsNoTracking()
            .Where(c => keys.Contains(c.Key))
            .ToDictionaryAsync(c => c.Key, c => c.Count, cancellationToken);
        TimeSpan? wait = null;
        foreach (var (item, key, end) in active)
        {
            if (counts.TryGetValue(key, out var count) && count >= item.Rule.Limit)
            {
                metrics.RateLimitRefused(item.Name);
                var left = end - now;
                wait = wait is null || left > wait ? left : wait;
            }
        }

        return wait;
    }

    /// <summary>Counts one event against <paramref name="counted"/>; answers the count now in its window.</summary>
    public async Task<int> CountAsync(PassbindDbContext db, Counted counted, CancellationToken cancellationToken)
    {
        if (counted.Rule.Limit <= 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var key = KeyOf(counted, now, out var end);
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.RateLimitCounters.Where(c => c.Key == key)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken);
            if (updated > 0)
            {
                return await db.RateLimitCounters.Where(c => c.Key == key).Select(c => c.Count).FirstAsync(cancellationToken);
            }

            db.RateLimitCounters.Add(new RateLimitCounter { Key = key, Count = 1, ExpireTime = end });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return 1;
            }
            catch (DbUpdateException exception) when (StorageErrors.IsUniqueViolation(exception) && attempt == 0)
            {
                // Another request (or node) made the row first; count on it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Starts <paramref name="counted"/> again from zero in its current window (a success after failures).</summary>
    public async Task ResetAsync(PassbindDbContext db, Counted counted, CancellationToken cancellationToken)
    {
        if (counted.Rule.Limit <= 0)
        {
            return;
        }

        var key = KeyOf(counted, time.GetUtcNow(), out _);
        await db.RateLimitCounters.Where(c => c.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The counter's key: the limit, a hash of what is counted (no address or email in clear), the window.</summary>
    private static string KeyOf(Counted counted, DateTimeOffset now, out DateTimeOffset end)
    {
        var seconds = (long)counted.Rule.Window.TotalSeconds;
        var window = now.ToUnixTimeSeconds() / seconds;
        end = DateTimeOffset.FromUnixTimeSeconds((window + 1) * seconds);
        var subject = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(counted.Subject)))[..32];
        return $"{counted.Name}:{subject}:{window}";
    }
}
