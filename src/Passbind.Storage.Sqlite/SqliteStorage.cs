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

    /// <summary>
    /// SQLite with Passbind's migrations, connection settings (<see cref="SqlitePragmas"/>) and write queue
    /// (<see cref="SqliteWriteGateInterceptor"/>). A writer waits in the queue at most
    /// <paramref name="writeQueueTimeout"/>, by default SQLite's busy timeout (30 seconds), then goes on without it.
    /// </summary>
    public static DbContextOptionsBuilder UsePassbindSqlite(this DbContextOptionsBuilder options, string connectionString, TimeSpan? writeQueueTimeout = null) =>
        options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteStorage).Assembly.GetName().Name))
            // Generated from the model (docs/storage.md), so that a start does not build it from the configurations.
            .UseModel(CompiledModel.PassbindDbContextModel.Instance)
            .AddInterceptors(new SqlitePragmas(), new SqliteWriteGateInterceptor(writeQueueTimeout ?? SqlitePragmas.BusyTimeout));

    /// <summary>
    /// Creates the database file readable and writable by the server's user only (0600) on Unix, or narrows an
    /// existing one and its journal files to that. SQLite gives the -wal and -shm files it creates the database
    /// file's permissions, so they follow. In-memory and URI data sources are left alone.
    /// </summary>
    public static void ProtectDatabaseFiles(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (OperatingSystem.IsWindows() || string.IsNullOrEmpty(path) || path == ":memory:" || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = ownerOnly });
        }
        catch (IOException) when (File.Exists(path))
        {
            // There already: narrowed below.
        }

        foreach (var file in new[] { path, $"{path}-wal", $"{path}-shm", $"{path}-journal" })
        {
            if (File.Exists(file) && File.GetUnixFileMode(file) != ownerOnly)
            {
                File.SetUnixFileMode(file, ownerOnly);
            }
        }
    }

    /// <summary>Switches the database file to write-ahead logging; the mode is stored in the file, so once is enough.</summary>
    public static async Task EnableWriteAheadLogAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
