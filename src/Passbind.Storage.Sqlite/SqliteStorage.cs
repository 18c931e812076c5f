using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Passbind.Storage.Sqlite;

public static class SqliteStorage
{
    /// <summary>The connection string for the embedded database file under <paramref name="dataDirectory"/>.</summary>
    public static string ConnectionStringFor(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "passbind.db"),
        Pooling = true,
    }.ToString();

    public static DbContextOptionsBuilder UsePassbindSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name))
            // Generated from the model (docs/storage.md), so that a start does not build it from the configurations.
            .UseModel(CompiledModel.PassbindDbContextModel.Instance)
            .AddInterceptors(new SqlitePragmas());

    /// <summary>Switches the database file to write-ahead logging; the mode is stored in the file, so once is enough.</summary>
    public static async Task EnableWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
