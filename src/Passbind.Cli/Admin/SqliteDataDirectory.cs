using Microsoft.Data.Sqlite;

namespace Passbind.Cli.Admin;

/// <summary>
/// A server's data directory as <c>passbind admin</c> sees it: the SQLite database <c>passbind.db</c> (with its
/// <c>-wal</c> and <c>-shm</c> files while a server has it open), <c>master.key</c> and <c>bootstrap.json</c>.
/// </summary>
internal sealed class SqliteDataDirectory(string path)
{
    public const string DatabaseFileName = "passbind.db";

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public string DatabasePath => System.IO.Path.Combine(Path, DatabaseFileName);

    public bool HasDatabase => File.Exists(DatabasePath);

    /// <summary>The files SQLite keeps beside a database while it is open in WAL mode.</summary>
    public static IEnumerable<string> SidecarFiles(string database) => [database + "-wal", database + "-shm", database + "-journal"];

    /// <summary>
    /// 0600 on Unix: a backup or a restored database holds what the server's own database file holds (credentials,
    /// sealed links, the audit trail), so only the server's user may read it, as the server creates its own.
    /// </summary>
    public static void MakePrivate(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>A connection without pooling, so that closing it releases the file at once.</summary>
    public static SqliteConnection Open(string file, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());

    /// <summary>
    /// Refuses the data directory of a server that uses PostgreSQL: the environment says so, or (<paramref name="orLooksLikeIt"/>,
    /// for a backup) the directory has a server's files but no database. That data lives in the database server.
    /// </summary>
    public void ThrowIfPostgreSql(CliConsole console, bool orLooksLikeIt)
    {
        var provider = console.Environment("Passbind__Database__Provider");
        var serverFiles = File.Exists(System.IO.Path.Combine(Path, "master.key")) || File.Exists(System.IO.Path.Combine(Path, "bootstrap.json"));
        if (string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase) || (orLooksLikeIt && !HasDatabase && serverFiles))
        {
            throw new AdminRefusedException(
                "postgresql_data_directory",
                $"{Path} has no SQLite database: a PostgreSQL server's data lives in PostgreSQL. Back it up with pg_dump "
                + "(pg_dump -Fc -d passbind -f passbind.dump; restore with pg_restore), and keep Passbind:MasterKey with it (see docs/operations.md).");
        }
    }

    /// <summary>
    /// Whether a server has the database open. A WAL database cannot leave WAL mode while another connection has it
    /// open, so trying to is the test; the database is about to be replaced, so leaving it in rollback mode is harmless.
    /// </summary>
    public bool IsInUse()
    {
        using var connection = Open(DatabasePath, SqliteOpenMode.ReadWrite);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE";
        command.CommandTimeout = 1;
        try
        {
            return !string.Equals(command.ExecuteScalar() as string, "delete", StringComparison.OrdinalIgnoreCase);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 5 or 6)
        {
            // SQLITE_BUSY, SQLITE_LOCKED: another connection holds it.
            return true;
        }
    }
}
