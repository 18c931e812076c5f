using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Passbind.Storage.Sqlite;

/// <summary>
/// Sets each physical connection's durability and locking behaviour once, when the pool first opens it:
/// WAL with synchronous=NORMAL, where a commit is written to the log without an fsync of its own and
/// <see cref="SqliteGroupCommit"/> makes it durable before its caller hears of it (so a 2xx still means the
/// write is on disk); foreign keys are off by default in SQLite; and a writer that finds the database locked
/// waits for it up to 30 seconds.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>How long SQLite retries a write that finds the database locked.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private static readonly string Pragmas = string.Create(
        CultureInfo.InvariantCulture, $"PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds};");

    /// <summary>The pool reuses physical connections; their settings survive, so each is set up once.</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Prepare(connection) is { } command)
        {
            using (command)
            {
                command.ExecuteNonQuery();
            }
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Prepare(connection) is { } command)
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static DbCommand? Prepare(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        if (!Prepared.TryAdd(handle, Pragmas))
        {
            return null;
        }

        var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        return command;
    }
}
