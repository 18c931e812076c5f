using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Passbind.Storage;
using Passbind.Storage.Entities;
using Passbind.Storage.Sqlite;

namespace Passbind.Storage.Tests;

/// <summary>
/// The SQLite write queue on a database of its own, through DbContexts configured as the server configures them
/// (<see cref="SqliteStorage.UsePassbindSqlite"/>): writers take turns and never find the database locked, every
/// way a write can end gives the turn back, a flow that would wait for itself goes on after the bound, and reads
/// never wait. A turn that is never given back shows as the bound's warning: no test here waits that long
/// otherwise, and none asserts on elapsed time.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The logger factory disposes its provider; xUnit calls IAsyncLifetime.DisposeAsync.")]
public sealed class SqliteWriteGateInterceptorTests : IAsyncLifetime
{
    /// <summary>Far longer than any wait for a turn that is given back, on however loaded a machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "passbind-write-gate-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public SqliteWriteGateInterceptorTests() => _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await using var db = new PassbindDbContext(Options(Bound));
        await SqliteStorage.EnableWriteAheadLogAsync(db, CancellationToken.None);
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _loggerFactory.Dispose();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Writes_ManyConcurrentContexts_AllCommitOneAtATime()
    {
        const int Writers = 16;
        const int WritesEach = 10;
        var probe = new WriterOverlapProbe();
        var options = Options(Bound, probe);

        var flushesBefore = GroupCommit.Flushes;
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            await start.WaitAsync();
            var rows = 0;
            for (var i = 0; i < WritesEach; i++)
            {
                rows += await WriteAsync(options, (WriteKind)((writer + i) % Enum.GetValues<WriteKind>().Length));
            }

            return rows;
        })).ToList();
        start.Release(Writers);
        var written = (await Task.WhenAll(writers)).Sum();

        await using var db = new PassbindDbContext(Options(Bound));
        Assert.Equal(written, await db.Tenants.CountAsync());
        Assert.Equal(1, probe.MostAtOnce);
        Assert.Empty(_logs.Warnings);

        // Group commit: writers that committed while an fsync ran shared the next one.
        var flushes = GroupCommit.Flushes - flushesBefore;
        Assert.InRange(flushes, 1, (Writers * WritesEach) - 1);
    }

    [Fact]
    public async Task Writes_OneAfterAnother_EachAnsweredOnlyAfterAnFsyncThatBeganAfterItsCommit()
    {
        var options = Options(Bound);
        foreach (var kind in Enum.GetValues<WriteKind>())
        {
            // Alone, a commit shares its fsync with no one: each answered commit counts one more.
            var before = GroupCommit.Flushes;
            await WriteAsync(options, kind);
            var commits = kind == WriteKind.Synchronous ? 2 : 1;
            Assert.True(GroupCommit.Flushes - before >= commits, $"{kind}: {commits} commit(s) answered after {GroupCommit.Flushes - before} fsync(s) of the log");
        }
    }

    [Fact]
    public async Task Transaction_DisposedWithoutCommitOrRollback_NextWriterDoesNotWait()
    {
        var options = Options(Bound);
        await using var abandoning = new PassbindDbContext(options);
        var abandoned = NewTenant();
        await using (await abandoning.Database.BeginTransactionAsync())
        {
            abandoning.Tenants.Add(abandoned);
            await abandoning.SaveChangesAsync();
        }

        await using var next = new PassbindDbContext(options);
        next.Tenants.Add(NewTenant());
        await next.SaveChangesAsync();

        Assert.Empty(_logs.Warnings);
        Assert.False(await next.Tenants.AnyAsync(t => t.Id == abandoned.Id));
    }

    [Fact]
    public async Task Transaction_NeverDisposedOnPooledContextReturnedToPool_NextWriterDoesNotWait()
    {
        var pool = new PooledDbContextFactory<PassbindDbContext>(Options(Bound));

        // Leased first, so that the pool cannot hand the abandoning context back as this one.
        await using var next = await pool.CreateDbContextAsync();
        var abandoned = NewTenant();
        await using (var abandoning = await pool.CreateDbContextAsync())
        {
            await abandoning.Database.BeginTransactionAsync();
            abandoning.Tenants.Add(abandoned);
            await abandoning.SaveChangesAsync();
        }

        next.Tenants.Add(NewTenant());
        await next.SaveChangesAsync();

        Assert.Empty(_logs.Warnings);
        Assert.False(await next.Tenants.AnyAsync(t => t.Id == abandoned.Id));
    }

    [Fact]
    public async Task Write_FailsOnUniqueViolation_NextWriterDoesNotWait()
    {
        var options = Options(Bound);
        var existing = NewTenant();
        await using var first = new PassbindDbContext(options);
        first.Tenants.Add(existing);
        await first.SaveChangesAsync();

        // The contexts that failed stay alive: the turn must come back from the failure itself, not from a dispose.
        await using var oneStatement = new PassbindDbContext(options);
        oneStatement.Tenants.Add(NewTenant(existing.Id));
        await Assert.ThrowsAsync<DbUpdateException>(() => oneStatement.SaveChangesAsync());

        await using var rawSql = new PassbindDbContext(options);
        await Assert.ThrowsAsync<SqliteException>(() => rawSql.Database.ExecuteSqlAsync(
            $"""INSERT INTO tenants ("Id", "DisplayName", "CreateTime", "UpdateTime") VALUES ({existing.Id}, 'raw', 0, 0)"""));

        await using var inTransaction = new PassbindDbContext(options);
        await using var transaction = await inTransaction.Database.BeginTransactionAsync();
        inTransaction.Tenants.Add(NewTenant(existing.Id));
        await Assert.ThrowsAsync<DbUpdateException>(() => inTransaction.SaveChangesAsync());
        await transaction.RollbackAsync();

        await using var next = new PassbindDbContext(options);
        next.Tenants.Add(NewTenant());
        await next.SaveChangesAsync();

        Assert.Empty(_logs.Warnings);
        Assert.Equal(2, await next.Tenants.CountAsync());
    }

    [Fact]
    public async Task Write_ThroughSecondContextWhileFirstHoldsTransaction_GoesOnAfterTheBoundWithAWarning()
    {
        // One flow holds a transaction on one context and writes through another, then commits once that write
        // is done: with an unbounded queue it would wait for itself forever.
        var options = Options(TimeSpan.FromSeconds(1));
        await using var holding = new PassbindDbContext(options);
        await using var transaction = await holding.Database.BeginTransactionAsync();
        holding.Tenants.Add(NewTenant());
        await holding.SaveChangesAsync();

        await using var other = new PassbindDbContext(options);
        other.Tenants.Add(NewTenant());
        var write = other.SaveChangesAsync();

        // Past the bound the write goes on into SQLite's busy handler, which waits for this commit.
        await _logs.FirstWarning.WaitAsync(TimeSpan.FromMinutes(2));
        await transaction.CommitAsync();
        await write.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(2, await other.Tenants.CountAsync());
        var warning = Assert.Single(_logs.Warnings);
        Assert.Contains("write gate", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_WhileAWriterHoldsTheGate_DoNotWait()
    {
        var options = Options(Bound);
        var committed = NewTenant();
        await using (var db = new PassbindDbContext(options))
        {
            db.Tenants.Add(committed);
            await db.SaveChangesAsync();
        }

        await using var holding = new PassbindDbContext(options);
        await using var transaction = await holding.Database.BeginTransactionAsync();
        holding.Tenants.Add(NewTenant());
        await holding.SaveChangesAsync();

        // A read that queued behind the open transaction would wait out the bound and log its warning.
        await using var reader = new PassbindDbContext(options);
        Assert.Equal(1, await reader.Tenants.CountAsync());
        Assert.Equal(committed.DisplayName, (await reader.Tenants.SingleAsync(t => t.Id == committed.Id)).DisplayName);
        Assert.Equal(1, await reader.Database.SqlQuery<int>($"WITH counted AS (SELECT COUNT(*) AS Value FROM tenants) SELECT Value FROM counted").SingleAsync());
        Assert.Equal(1, reader.Tenants.Count());
        await transaction.CommitAsync();

        Assert.Empty(_logs.Warnings);
    }

    [Fact]
    public void Migrate_SynchronouslyOnAnUpToDateDatabase_Completes()
    {
        using var db = new PassbindDbContext(Options(Bound));
        db.Database.Migrate();
        db.Tenants.Add(NewTenant());
        db.SaveChanges();

        Assert.Equal(1, db.Tenants.Count());
        Assert.Empty(_logs.Warnings);
    }

    [Theory]
    [InlineData("SELECT \"t\".\"Id\" FROM \"tenants\" AS \"t\"", false)]
    [InlineData("-- a query tag\nSELECT 1", false)]
    [InlineData("/* comment */ select 1", false)]
    [InlineData("WITH x AS (SELECT 1) SELECT * FROM x", false)]
    [InlineData("PRAGMA user_version", false)]
    [InlineData("EXPLAIN QUERY PLAN SELECT 1", false)]
    [InlineData("INSERT INTO \"tenants\" (\"Id\") VALUES (@p0) RETURNING 1;", true)]
    [InlineData("UPDATE \"credential_binding_jobs\" AS \"c\" SET \"State\" = 'COMPLETE'", true)]
    [InlineData("DELETE FROM \"binding_challenges\" AS \"b\"", true)]
    [InlineData("REPLACE INTO t VALUES (1)", true)]
    [InlineData("INSERT OR IGNORE INTO \"__EFMigrationsLock\"(\"Id\") VALUES(1); SELECT changes();", true)]
    [InlineData("WITH RECURSIVE n(i) AS (SELECT 1) INSERT INTO t SELECT i FROM n", true)]
    [InlineData("SELECT 1; DELETE FROM t", true)]
    [InlineData("PRAGMA journal_mode=WAL;", true)]
    [InlineData("CREATE TABLE IF NOT EXISTS t (x)", true)]
    [InlineData("BEGIN", true)]
    public void Writes_CommandText_TellsWritesFromReads(string commandText, bool writes)
    {
        Assert.Equal(writes, SqliteWriteGateInterceptor.Writes(commandText));
    }

    private enum WriteKind
    {
        ExplicitTransaction,
        SaveChangesOwnTransaction,
        SingleInsert,
        RawSql,
        Synchronous,
    }

    /// <summary>One write of the kind given, through a context of its own; returns the tenants it added.</summary>
    private static async Task<int> WriteAsync(DbContextOptions<PassbindDbContext> options, WriteKind kind)
    {
        await using var db = new PassbindDbContext(options);
        switch (kind)
        {
            case WriteKind.ExplicitTransaction:
                await using (var transaction = await db.Database.BeginTransactionAsync())
                {
                    var tenant = NewTenant();
                    db.Tenants.Add(tenant);
                    await db.SaveChangesAsync();
                    await db.Tenants.Where(t => t.Id == tenant.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.DisplayName, "renamed"));
                    await transaction.CommitAsync();
                }

                return 1;
            case WriteKind.SaveChangesOwnTransaction:
                db.Tenants.AddRange(NewTenant(), NewTenant());
                await db.SaveChangesAsync();
                return 2;
            case WriteKind.SingleInsert:
                db.Tenants.Add(NewTenant());
                await db.SaveChangesAsync();
                return 1;
            case WriteKind.RawSql:
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO tenants ("Id", "DisplayName", "CreateTime", "UpdateTime") VALUES ({Guid.NewGuid().ToString("N")}, 'raw', 0, 0)""");
                return 1;
            default:
                using (var transaction = db.Database.BeginTransaction())
                {
                    db.Tenants.Add(NewTenant());
                    db.SaveChanges();
                    transaction.Commit();
                }

                db.Tenants.Add(NewTenant());
                db.SaveChanges();
                return 2;
        }
    }

    /// <summary>The group commit of this test's database file, as the interceptor finds it (SQLite reports the absolute path).</summary>
    private SqliteGroupCommit GroupCommit => SqliteWriteGate.For(Path.Combine(_directory, "passbind.db")).GroupCommit;

    private DbContextOptions<PassbindDbContext> Options(TimeSpan bound, WriterOverlapProbe? probe = null)
    {
        var options = new DbContextOptionsBuilder<PassbindDbContext>();
        if (probe is not null)
        {
            options.AddInterceptors(probe.Ends);
        }

        options.UsePassbindSqlite(SqliteStorage.ConnectionStringFor(_directory), bound).UseLoggerFactory(_loggerFactory);
        if (probe is not null)
        {
            options.AddInterceptors(probe.Starts);
        }

        return options.Options;
    }

    private static Tenant NewTenant(string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString("N"),
        DisplayName = "Write gate",
        CreateTime = Now,
        UpdateTime = Now,
    };

    /// <summary>
    /// Counts the writers that are between having their turn and giving it back, to show that no two overlap.
    /// Its <see cref="Starts"/> side is registered after the gate, so it sees a writer start only once the gate
    /// has let it in; its <see cref="Ends"/> side before the gate, so it sees the writer end before the gate lets
    /// the next one in. Without the gate, a writer waiting in SQLite's busy handler overlaps the one it waits for.
    /// </summary>
    private sealed class WriterOverlapProbe
    {
        private readonly ConcurrentDictionary<object, byte> _inside = new();
        private int _mostAtOnce;

        public WriterOverlapProbe()
        {
            Starts = new StartSide(this);
            Ends = new EndSide(this);
        }

        public IInterceptor Starts { get; }

        public IInterceptor Ends { get; }

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        private void Enter(object writer)
        {
            _inside[writer] = 0;
            var now = _inside.Count;
            for (var most = MostAtOnce; now > most; most = MostAtOnce)
            {
                Interlocked.CompareExchange(ref _mostAtOnce, now, most);
            }
        }

        private void Exit(object writer) => _inside.TryRemove(writer, out _);

        /// <summary>The writes these tests send outside a transaction; a transaction counts as one writer from its start.</summary>
        private static bool IsAutocommitWrite(DbCommand command) =>
            command.Transaction is null
            && (command.CommandText.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || command.CommandText.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase));

        private sealed class StartSide(WriterOverlapProbe probe) : IDbTransactionInterceptor, IDbCommandInterceptor
        {
            public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
            {
                probe.Enter(connection);
                return result;
            }

            public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
                DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
            {
                probe.Enter(connection);
                return ValueTask.FromResult(result);
            }

            public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
            {
                EnterIfWrite(command);
                return result;
            }

            public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
                DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            {
                EnterIfWrite(command);
                return ValueTask.FromResult(result);
            }

            public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
            {
                EnterIfWrite(command);
                return result;
            }

            public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
                DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                EnterIfWrite(command);
                return ValueTask.FromResult(result);
            }

            private void EnterIfWrite(DbCommand command)
            {
                if (IsAutocommitWrite(command))
                {
                    probe.Enter(command);
                }
            }
        }

        private sealed class EndSide(WriterOverlapProbe probe) : IDbTransactionInterceptor, IDbCommandInterceptor
        {
            public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => probe.Exit(eventData.Context!.Database.GetDbConnection());

            public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
            {
                TransactionCommitted(transaction, eventData);
                return Task.CompletedTask;
            }

            public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
            {
                probe.Exit(command);
                return result;
            }

            public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
            {
                probe.Exit(command);
                return ValueTask.FromResult(result);
            }

            public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
            {
                probe.Exit(command);
                return result;
            }

            public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
            {
                probe.Exit(command);
                return ValueTask.FromResult(result);
            }

            public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
            {
                probe.Exit(command);
                return result;
            }
        }
    }

    /// <summary>Keeps every warning the write gate logs, and signals the first.</summary>
    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _warnings = new();
        private readonly TaskCompletionSource _firstWarning = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<string> Warnings => _warnings;

        public Task FirstWarning => _firstWarning.Task;

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(SqliteWriteGateInterceptor).FullName ? new WarningLogger(this) : NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class WarningLogger(RecordingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    provider._warnings.Enqueue(formatter(state, exception));
                    provider._firstWarning.TrySetResult();
                }
            }
        }
    }
}
