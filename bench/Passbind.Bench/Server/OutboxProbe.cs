using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passbind.Bench.Server;

/// <summary>
/// Reads the email outbox's state straight from the server's database (plain ADO.NET, read only): how many
/// messages are pending, when the oldest of them was queued, and how many have been sent so far.
/// </summary>
internal sealed class OutboxProbe(bool postgreSql, string connectionString)
{
    public async Task<OutboxState> ReadAsync(CancellationToken cancellationToken)
    {
        await using DbConnection connection = postgreSql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
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
}

/// <summary>The outbox at one moment: pending messages, the age of the oldest pending one, and the messages sent so far.</summary>
internal sealed record OutboxState(long Pending, TimeSpan? OldestPendingAge, long Sent);
