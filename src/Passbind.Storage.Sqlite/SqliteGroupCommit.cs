using System.Diagnostics.CodeAnalysis;

namespace Passbind.Storage.Sqlite;

/// <summary>
/// Group commit for one database file (docs/storage.md). Writers commit with <c>synchronous=NORMAL</c>: when SQLite
/// returns, the commit is written to the write-ahead log but not yet flushed to the disk, so the write lock passes to
/// the next writer at once instead of after an fsync. A writer's caller hears of its write only once
/// <see cref="DurableAsync"/> has finished: an fsync of the log that began after the commit. One fsync makes every
/// commit written before it durable, so the commits that arrive while one fsync runs share the next.
/// </summary>
/// <remarks>
/// A crash therefore loses no answered write, and a write not yet answered is in the log whole or not at all: SQLite
/// recovers a log only up to its last complete commit, checked by each frame's checksum. The fsyncs run on a thread of
/// their own, started when a commit waits and ended after <see cref="IdleTimeout"/> without one; while it runs it holds
/// the log open (<see cref="SqliteWriteAheadLog.Hold"/>), so the file it flushes is the one the commits went to.
/// </remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "One per database file, as long-lived as the process; the semaphore never allocates a wait handle.")]
internal sealed class SqliteGroupCommit
{
    /// <summary>How long the flushing thread waits for another commit before it ends.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(2);

    private readonly Func<IDisposable> _holdLog;
    private readonly Action _flushLog;
    private readonly string _name;
    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _commitsWaiting = new(0);

    /// <summary>The commits the next flush will make durable, from the first that waits for it.</summary>
    private TaskCompletionSource? _nextFlush;

    private bool _flushing;
    private long _flushes;

    /// <param name="holdLog">Keeps the log in place while the flushing thread runs, and makes its directory entry durable.</param>
    /// <param name="flushLog">One fsync of the log.</param>
    /// <param name="name">What the flushing thread is called.</param>
    internal SqliteGroupCommit(Func<IDisposable> holdLog, Action flushLog, string name)
    {
        _holdLog = holdLog;
        _flushLog = flushLog;
        _name = name;
    }

    /// <summary>The group commit of <paramref name="databaseFile"/>, whose log is <c>{databaseFile}-wal</c>.</summary>
    public static SqliteGroupCommit ForDatabase(string databaseFile) =>
        new(() => SqliteWriteAheadLog.Hold(databaseFile), () => SqliteWriteAheadLog.Flush(databaseFile), "SQLite group commit");

    /// <summary>How many fsyncs have run: fewer than the commits they made durable, under concurrent writers.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>
    /// Finishes when everything this process committed to the database before the call is on disk; faults with the
    /// flush's error if the log could not be flushed (the commit may then be lost in a crash).
    /// </summary>
    /// <param name="cancellationToken">
    /// Lets a caller that gave up (its request was aborted) stop waiting. Its commit stays in the log and the flush
    /// still covers it; what it gives up is only the answer, so a crash before the flush may lose it, as any commit
    /// never answered may be lost. The other commits waiting for that flush are not disturbed.
    /// </param>
    public Task DurableAsync(CancellationToken cancellationToken = default)
    {
        lock (_sync)
        {
            var first = _nextFlush is null;
            _nextFlush ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var flushed = _nextFlush.Task;
            if (!_flushing)
            {
                _flushing = true;
                new Thread(Run) { IsBackground = true, Name = _name }.Start();
            }
            else if (first)
            {
                _commitsWaiting.Release();
            }

            return cancellationToken.CanBeCanceled ? flushed.WaitAsync(cancellationToken) : flushed;
        }
    }

    private void Run()
    {
        IDisposable? held = null;
        try
        {
            held = _holdLog();
            while (NextFlush() is { } flush)
            {
                try
                {
                    // Every commit waiting on this flush finished writing before it asked, and the flush starts after the
                    // swap in NextFlush, so the fsync covers each of them; commits asking from now on wait for the next one.
                    _flushLog();
                    Interlocked.Increment(ref _flushes);
                    flush.SetResult();
                }
                catch (Exception exception)
                {
                    // An fsync that failed says nothing about those commits: their callers hear the error instead.
                    flush.SetException(exception);
                }
            }
        }
        catch (Exception exception)
        {
            // The log could not be held: nothing was flushed, so every waiter hears why, and the next commit starts again.
            FailWaiting(exception);
        }
        finally
        {
            held?.Dispose();
        }
    }

    /// <summary>The waiters of the next flush, or null once no commit has asked for <see cref="IdleTimeout"/> (the thread ends).</summary>
    private TaskCompletionSource? NextFlush()
    {
        while (true)
        {
            lock (_sync)
            {
                if (_nextFlush is { } waiting)
                {
                    _nextFlush = null;
                    return waiting;
                }
            }

            if (!_commitsWaiting.Wait(IdleTimeout))
            {
                lock (_sync)
                {
                    if (_nextFlush is null)
                    {
                        _flushing = false;
                        return null;
                    }
                }
            }
        }
    }

    private void FailWaiting(Exception exception)
    {
        TaskCompletionSource? waiting;
        lock (_sync)
        {
            waiting = _nextFlush;
            _nextFlush = null;
            _flushing = false;
        }

        waiting?.SetException(exception);
    }
}
