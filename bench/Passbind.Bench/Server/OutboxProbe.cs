using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passbind.Bench.Server;

/// <summary>
/// Reads the email outbox's state straight from the server's database (plain ADO.NET): how many messages are
/// pending, when the oldest of them was queued, and how many have been sent so far. For the drain measurement it
/// also puts messages already sent back in the queue, the one write the driver makes to the server's tables.
/// </summary>
internal sealed class OutboxProbe(bool postgreSql, string connectionString)
{
    public async Task<OutboxState> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = NewConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM outbox_messages WHERE "State" = 'pending'),
                   (SELECT MIN("CreateTime") FROM outbox_messages WHERE "State" = 'pending'),
                   (SELECT COUNT(*) FROM outbox_messages WHERE "State" = 'sent')
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var now = TimeProvider.System.GetUtcNow();

        // Times are stored as UTC ticks on both providers.
        TimeSpan? oldest = reader.IsDBNull(1) ? null : now - new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero);
        return new OutboxState(reader.GetInt64(0), oldest, reader.GetInt64(2));
    }

    /// <summary>
    /// Puts up to <paramref name="count"/> sent messages whose links (if any) are still valid back in the queue, due
    /// now, in one transaction; answers how many. The server's sender finds them at its next poll.
    /// </summary>
    public async Task<int> RequeueSentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = NewConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE outbox_messages SET "State" = 'pending', "NextAttemptTime" = @now, "SentTime" = NULL
            WHERE "Id" IN (SELECT "Id" FROM outbox_messages
                           WHERE "State" = 'sent' AND ("LinkExpireTime" IS NULL OR "LinkExpireTime" > @later)
                           LIMIT @count)
            """;
        var now = TimeProvider.System.GetUtcNow();
        AddParameter(command, "now", now.UtcTicks);
        AddParameter(command, "later", (now + TimeSpan.FromMinutes(10)).UtcTicks);
        AddParameter(command, "count", count);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbConnection NewConnection() => postgreSql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>The outbox at one moment: pending messages, the age of the oldest pending one, and the messages sent so far.</summary>
internal sealed record OutboxState(long Pending, TimeSpan? OldestPendingAge, long Sent);
