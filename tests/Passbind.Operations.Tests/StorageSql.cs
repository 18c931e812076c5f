using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passbind.Operations.Tests;

/// <summary>SQL against a node's database, the way an operator would look at it (column names are the entities' own, quoted).</summary>
public static class StorageSql
{
    public static async Task<DbConnection> OpenAsync(TestStorage storage) => await OpenAsync(storage.Database, storage.ConnectionString, storage.DataDirectory);

    public static async Task<DbConnection> OpenAsync(TestDatabase database, string? connectionString, string dataDirectory)
    {
        DbConnection connection = database == TestDatabase.PostgreSql
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "passbind.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
