using System.Collections.Concurrent;
using Passbind.Storage.Sqlite;

namespace Passbind.Storage.Tests;

/// <summary>
/// <see cref="SqliteGroupCommit"/> with flushes the test holds and lets go one at a time: a commit that waits while a
/// flush runs is not answered by that flush, the commits waiting together share the next one, a caller that gives up
/// stops waiting without disturbing the others, and a failed flush is each waiter's error, not a silent success.
/// </summary>
public sealed class SqliteGroupCommitTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Commit_WaitingWhileAFlushRuns_IsAnsweredByTheNextFlushNotThatOne()
    {
        var flushes = new HeldFlushes();
        var groupCommit = flushes.GroupCommit();

        var first = groupCommit.DurableAsync();
        await flushes.StartedAsync(1);

        // These commits finished after the running fsync began: it may not cover them.
        var during = Enumerable.Range(0, 5).Select(_ => groupCommit.DurableAsync()).ToArray();
        flushes.Release(1);
        await first.WaitAsync(Bound);
        await flushes.StartedAsync(2);
        Assert.All(during, commit => Assert.False(commit.IsCompleted, "a commit was answered by an fsync that began before it"));

        flushes.Release(2);
        await Task.WhenAll(during).WaitAsync(Bound);
        Assert.Equal(2, groupCommit.Flushes);
    }

    [Fact]
    public async Task Commit_CallerGivesUpWhileWaiting_OnlyItStopsWaiting_TheFlushStillRunsForItAndTheOthers()
    {
        var flushes = new HeldFlushes();
        var groupCommit = flushes.GroupCommit();
        var first = groupCommit.DurableAsync();
        await flushes.StartedAsync(1);

        using var giveUp = new CancellationTokenSource();
        var abandoned = groupCommit.DurableAsync(giveUp.Token);
        var staying = groupCommit.DurableAsync(CancellationToken.None);
        await giveUp.CancelAsync();

        // The caller that gave up hears so at once, while an fsync it waited for has not even started.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Bound));
        Assert.False(staying.IsCompleted);

        flushes.Release(1);
        await first.WaitAsync(Bound);
        await flushes.StartedAsync(2);
        Assert.False(staying.IsCompleted, "a commit was answered by an fsync that began before it");
        flushes.Release(2);
        await staying.WaitAsync(Bound);
        Assert.Equal(2, groupCommit.Flushes);
    }

    [Fact]
    public async Task Flush_Fails_EveryCommitWaitingForItHearsTheError_AndTheNextFlushServesAgain()
    {
        var flushes = new HeldFlushes { FailingFlush = 1 };
        var groupCommit = flushes.GroupCommit();

        var waiting = Enumerable.Range(0, 3).Select(_ => groupCommit.DurableAsync()).ToArray();
        await flushes.StartedAsync(1);
        flushes.Release(1);
        foreach (var commit in waiting)
        {
            var error = await Assert.ThrowsAsync<IOException>(() => commit.WaitAsync(Bound));
            Assert.Equal("fsync 1 failed", error.Message);
        }

        var later = groupCommit.DurableAsync();
        await flushes.StartedAsync(2);
        flushes.Release(2);
        await later.WaitAsync(Bound);
        Assert.Equal(1, groupCommit.Flushes);
    }

    [Fact]
    public async Task Log_CannotBeHeld_WaitingCommitsHearWhy_AndTheNextCommitTriesAgain()
    {
        var attempts = 0;
        var groupCommit = new SqliteGroupCommit(
            () => Interlocked.Increment(ref attempts) == 1 ? throw new IOException("no log") : new HeldLog(),
            () => { },
            "test group commit");

        var error = await Assert.ThrowsAsync<IOException>(() => groupCommit.DurableAsync().WaitAsync(Bound));
        Assert.Equal("no log", error.Message);

        await groupCommit.DurableAsync().WaitAsync(Bound);
        Assert.Equal(2, attempts);
        Assert.Equal(1, groupCommit.Flushes);
    }

    /// <summary>Flushes numbered from 1, each blocking until the test releases it.</summary>
    private sealed class HeldFlushes
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _started = new();
        private readonly ConcurrentDictionary<int, SemaphoreSlim> _released = new();
        private int _count;

        /// <summary>The flush that throws instead of succeeding, if any.</summary>
        public int FailingFlush { get; init; }

        public SqliteGroupCommit GroupCommit() => new(() => new HeldLog(), Flush, "test group commit");

        public Task StartedAsync(int flush) => Started(flush).Task.WaitAsync(Bound);

        public void Release(int flush) => Released(flush).Release();

        private void Flush()
        {
            var flush = Interlocked.Increment(ref _count);
            Started(flush).SetResult();
            if (!Released(flush).Wait(Bound))
            {
                throw new TimeoutException($"fsync {flush} was never released");
            }

            if (flush == FailingFlush)
            {
                throw new IOException($"fsync {flush} failed");
            }
        }

        private TaskCompletionSource Started(int flush) => _started.GetOrAdd(flush, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        private SemaphoreSlim Released(int flush) => _released.GetOrAdd(flush, _ => new SemaphoreSlim(0));
    }

    private sealed class HeldLog : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
