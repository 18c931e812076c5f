using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Passbind.Storage.Sqlite;

/// <summary>
/// Puts every write through its database file's <see cref="SqliteWriteGate"/>, unseen by the code that writes. A
/// transaction (Microsoft.Data.Sqlite begins it IMMEDIATE, taking SQLite's write lock) holds the gate from its
/// start to its commit or rollback; a write outside a transaction holds it until the command has finished. Reads
/// never wait: WAL lets them run beside the writer. A write that committed then waits, without the gate, until its
/// database's <see cref="SqliteGroupCommit"/> has the commit on disk, so its caller never hears of a write a crash
/// could lose.
/// </summary>
/// <remarks>
/// Who holds the gate is recorded per connection: a command inside a transaction that holds it does not wait for
/// it again, and the connection closing releases it whatever came before. That covers a transaction disposed
/// without commit or rollback, which raises no interceptor event: EF Core then closes the connection it opened for
/// the transaction (and a pooled context's connection is closed when the context goes back to the pool). Every
/// wait is bounded by <c>timeout</c>: a flow that holds a transaction on one context and writes through another
/// would otherwise wait for itself forever. After the bound the writer goes on without the gate, SQLite's busy
/// handling applies as before, and a warning says so.
/// </remarks>
internal sealed partial class SqliteWriteGateInterceptor(TimeSpan timeout) : IDbTransactionInterceptor, IDbCommandInterceptor
{
    /// <summary>The owner recorded while a transaction holds the gate; a command that holds it is its own owner.</summary>
    private static readonly object TransactionOwner = new();

    private static readonly ConditionalWeakTable<DbConnection, Holder> Holders = [];

    private static readonly ConditionalWeakTable<DbTransaction, Holder> Transactions = [];

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, TransactionOwner, eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, TransactionOwner, eventData.Context, cancellationToken);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        // Microsoft.Data.Sqlite forgets a transaction's connection once it ends, so the holder is found by the transaction.
        Transactions.AddOrUpdate(result, HolderFor(connection));
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => WaitUntilDurable(LeaveTransaction(transaction));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        UntilDurable(LeaveTransaction(transaction), cancellationToken);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveTransaction(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveTransaction(transaction);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterIfWrite(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterIfWriteAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterIfWrite(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterIfWriteAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterIfWrite(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterIfWriteAsync(command, eventData, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        WaitUntilDurable(Leave(command.Connection, command));
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await UntilDurable(Leave(command.Connection, command), cancellationToken);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        WaitUntilDurable(Leave(command.Connection, command));
        return result;
    }

    public async ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        await UntilDurable(Leave(command.Connection, command), cancellationToken);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command.Connection, command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command.Connection, command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(command.Connection, command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command.Connection, command);
        return Task.CompletedTask;
    }

    // A write run as a reader (INSERT … RETURNING) commits when its statement is reset, that is when the reader
    // closes: the reader is closed here first, so the next writer never finds the lock still taken.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        WaitUntilDurable(CloseAndLeave(command, eventData.DataReader));
        return result;
    }

    public async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        await UntilDurable(CloseAndLeave(command, eventData.DataReader));
        return result;
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        WaitUntilDurable(CloseAndLeave(command, eventData.DataReader));
        return result;
    }

    /// <summary>
    /// Whether a command must wait for the gate: a write in autocommit. Inside a transaction the transaction
    /// waited already (Microsoft.Data.Sqlite refuses a command without the connection's transaction, so a
    /// command without one runs in autocommit).
    /// </summary>
    private static bool WaitsForGate(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is null)
        {
            return false;
        }

        // No transaction is open on this connection, so one that holds the gate ended without an event (disposed
        // while the connection stayed open); SQLite has released its lock already.
        Leave(command.Connection, TransactionOwner);
        return Writes(command.CommandText);
    }

    /// <summary>
    /// Whether a command may write. SQLite knows only once the statement is prepared, so the test is on the text
    /// and errs towards writing: anything but a plain query waits its turn, which costs at most a little
    /// concurrency, where a write taken for a read would fall back to SQLite's busy handler.
    /// </summary>
    internal static bool Writes(string commandText)
    {
        var keyword = LeadingKeyword(commandText);
        if (keyword.Equals("SELECT", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("VALUES", StringComparison.OrdinalIgnoreCase)
            || keyword.Equals("EXPLAIN", StringComparison.OrdinalIgnoreCase))
        {
            // A batch of several statements writes if any of them may.
            return commandText.Contains(';', StringComparison.Ordinal) && WriteKeyword().IsMatch(commandText);
        }

        if (keyword.Equals("WITH", StringComparison.OrdinalIgnoreCase))
        {
            // A common table expression leads a query or a write; which one follows it.
            return WriteKeyword().IsMatch(commandText);
        }

        if (keyword.Equals("PRAGMA", StringComparison.OrdinalIgnoreCase))
        {
            // PRAGMA name = value may change the file (journal_mode, user_version); PRAGMA name only asks.
            return commandText.Contains('=', StringComparison.Ordinal);
        }

        return true;
    }

    /// <summary>The first word of the text, after white space and comments (EF Core puts query tags first as <c>--</c> comments).</summary>
    private static ReadOnlySpan<char> LeadingKeyword(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == '(')
            {
                i++;
            }
            else if (text[i..].StartsWith("--", StringComparison.Ordinal))
            {
                var end = text[i..].IndexOf('\n');
                i = end < 0 ? text.Length : i + end + 1;
            }
            else if (text[i..].StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text[(i + 2)..].IndexOf("*/", StringComparison.Ordinal);
                i = end < 0 ? text.Length : i + 2 + end + 2;
            }
            else
            {
                break;
            }
        }

        var start = i;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        return text[start..i];
    }

    [GeneratedRegex(@"\b(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteKeyword();

    /// <summary>A write in autocommit holds the gate itself, until the command has finished.</summary>
    private void EnterIfWrite(DbCommand command, CommandEventData eventData)
    {
        if (WaitsForGate(command))
        {
            Enter(command.Connection!, command, eventData.Context);
        }
    }

    /// <inheritdoc cref="EnterIfWrite"/>
    private ValueTask EnterIfWriteAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken) =>
        WaitsForGate(command) ? EnterAsync(command.Connection!, command, eventData.Context, cancellationToken) : ValueTask.CompletedTask;

    private void Enter(DbConnection connection, object owner, DbContext? context)
    {
        var holder = HolderFor(connection);
        if (holder.Join(connection, owner) is { } gate)
        {
            if (gate.Wait(timeout, CancellationToken.None))
            {
                holder.Hold(gate, owner);
            }
            else
            {
                Log.WriteGateTimedOut(LoggerFor(context), gate.DatabaseFile, timeout);
            }
        }
    }

    private async ValueTask EnterAsync(DbConnection connection, object owner, DbContext? context, CancellationToken cancellationToken)
    {
        var holder = HolderFor(connection);
        if (holder.Join(connection, owner) is { } gate)
        {
            if (await gate.WaitAsync(timeout, cancellationToken))
            {
                holder.Hold(gate, owner);
            }
            else
            {
                Log.WriteGateTimedOut(LoggerFor(context), gate.DatabaseFile, timeout);
            }
        }
    }

    /// <summary>
    /// Releases the gate if <paramref name="owner"/> holds it for <paramref name="connection"/>; any owner when null.
    /// Repeating it does nothing. Returns the gate released, or null if there was none.
    /// </summary>
    private static SqliteWriteGate? Leave(DbConnection? connection, object? owner) =>
        connection is not null && Holders.TryGetValue(connection, out var holder) ? holder.Release(owner) : null;

    private static SqliteWriteGate? LeaveTransaction(DbTransaction? transaction) =>
        transaction is not null && Transactions.TryGetValue(transaction, out var holder) ? holder.Release(TransactionOwner) : null;

    private static SqliteWriteGate? CloseAndLeave(DbCommand command, DbDataReader reader)
    {
        if (command.Connection is null || !Holders.TryGetValue(command.Connection, out var holder) || !holder.IsHeldBy(command))
        {
            return null;
        }

        try
        {
            reader.Close();
        }
        catch
        {
            holder.Release(command);
            throw;
        }

        return holder.Release(command);
    }

    /// <summary>
    /// After a write that committed (its gate just released): the commit is in the log, and its caller hears of it only
    /// once the log is on disk (<see cref="SqliteGroupCommit"/>). The next writer already has the gate meanwhile.
    /// </summary>
    private static Task UntilDurable(SqliteWriteGate? released, CancellationToken cancellationToken = default) =>
        released?.GroupCommit.DurableAsync(cancellationToken) ?? Task.CompletedTask;

    /// <inheritdoc cref="UntilDurable"/>
    private static void WaitUntilDurable(SqliteWriteGate? released) => UntilDurable(released).GetAwaiter().GetResult();

    private static Holder HolderFor(DbConnection connection) => Holders.GetValue(connection, static connection =>
    {
        connection.StateChange += static (sender, change) =>
        {
            if (change.CurrentState == ConnectionState.Closed)
            {
                Leave((DbConnection)sender, owner: null);
            }
        };
        return new Holder();
    });

    private static ILogger LoggerFor(DbContext? context) =>
        (context?.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<SqliteWriteGateInterceptor>();

    /// <summary>Who holds the gate for one connection, if anyone.</summary>
    private sealed class Holder
    {
        private readonly Lock _sync = new();
        private SqliteWriteGate? _held;
        private object? _owner;
        private string? _connectionString;
        private SqliteWriteGate? _gate;

        /// <summary>
        /// The gate to wait for, or null when there is nothing to wait for: the connection holds the gate already
        /// (a transaction then takes it over from a command, as it lasts longer), or the database is in memory.
        /// </summary>
        public SqliteWriteGate? Join(DbConnection connection, object requester)
        {
            lock (_sync)
            {
                if (_held is not null)
                {
                    if (requester == TransactionOwner)
                    {
                        _owner = TransactionOwner;
                    }

                    return null;
                }
            }

            // The connection is open here, and SQLite reports the file's absolute path; an in-memory database has none.
            if (!ReferenceEquals(connection.ConnectionString, _connectionString))
            {
                var file = connection.DataSource;
                _gate = string.IsNullOrEmpty(file) ? null : SqliteWriteGate.For(file);
                _connectionString = connection.ConnectionString;
            }

            return _gate;
        }

        public void Hold(SqliteWriteGate gate, object owner)
        {
            lock (_sync)
            {
                _held = gate;
                _owner = owner;
            }
        }

        public bool IsHeldBy(object owner)
        {
            lock (_sync)
            {
                return _held is not null && _owner == owner;
            }
        }

        public SqliteWriteGate? Release(object? owner)
        {
            SqliteWriteGate? releasing;
            lock (_sync)
            {
                if (_held is null || (owner is not null && _owner != owner))
                {
                    return null;
                }

                releasing = _held;
                _held = null;
                _owner = null;
            }

            releasing.Release();
            return releasing;
        }
    }
}
