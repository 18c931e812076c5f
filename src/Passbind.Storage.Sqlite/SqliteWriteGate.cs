using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Passbind.Storage.Sqlite;

/// <summary>
/// The queue of writers of one database file. SQLite lets one writer in at a time, and a writer that finds the
/// file locked sleeps in SQLite's busy handler (1, 2, 5, … 100 ms between retries), often long after the lock
/// was freed. All writers of a SQLite database are in this process (several nodes need PostgreSQL), so they
/// wait here instead: asynchronously, in arrival order, each woken as soon as the one before it has finished.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "One gate per database file lives as long as the process; its semaphore never allocates a wait handle.")]
internal sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _turn = new(1, 1);

    private SqliteWriteGate(string databaseFile)
    {
        DatabaseFile = databaseFile;
        GroupCommit = SqliteGroupCommit.ForDatabase(databaseFile);
    }

    public string DatabaseFile { get; }

    /// <summary>What a writer waits for after its commit, before its caller may hear of it: the commit on disk.</summary>
    public SqliteGroupCommit GroupCommit { get; }

    /// <summary>The gate of <paramref name="databaseFile"/>, an absolute path as SQLite reports it.</summary>
    public static SqliteWriteGate For(string databaseFile) => Gates.GetOrAdd(databaseFile, file => new SqliteWriteGate(file));

    /// <summary>Waits for the turn to write, at most <paramref name="timeout"/>; false if the wait timed out.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _turn.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc cref="WaitAsync"/>
    public bool Wait(TimeSpan timeout, CancellationToken cancellationToken) => _turn.Wait(timeout, cancellationToken);

    public void Release() => _turn.Release();
}
