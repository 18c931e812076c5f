using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Win32.SafeHandles;

namespace Passbind.Storage.Sqlite;

/// <summary>The write-ahead log beside a database file (<c>{database}-wal</c>), as <see cref="SqliteGroupCommit"/> flushes it.</summary>
internal static partial class SqliteWriteAheadLog
{
    /// <summary>
    /// Opens a connection of its own that reads the database, so that the log exists and stays: SQLite deletes the log
    /// when the last connection to the database closes, and one created again would be a file the flushes had not
    /// seen. Then makes the log's directory entry durable, as SQLite does itself at a new log's first sync, which with
    /// <c>synchronous=NORMAL</c> may come only at a checkpoint. Disposing the result closes the connection.
    /// </summary>
    public static IDisposable Hold(string databaseFile)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using (var read = connection.CreateCommand())
            {
                // A read opens the log (creating it if no other connection has); opening the connection alone does not.
                read.CommandText = "SELECT count(*) FROM sqlite_schema;";
                read.ExecuteScalar();
            }

            SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One fsync of the log: every commit written to it before the call is on disk after it. A log that is not there was
    /// checkpointed into the database file and removed, which SQLite syncs before it removes the log.
    /// </summary>
    public static void Flush(string databaseFile)
    {
        using var log = OpenIfPresent(databaseFile + "-wal");
        if (log is not null)
        {
            RandomAccess.FlushToDisk(log);
        }
    }

    private static SafeFileHandle? OpenIfPresent(string path)
    {
        try
        {
            // fsync needs a descriptor open for writing on some systems; nothing is written through it.
            return File.OpenHandle(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>fsync of a directory, which .NET cannot open as a file; NTFS journals its directories itself.</summary>
    private static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = Open(directory, flags: 0);
        if (descriptor < 0)
        {
            throw new IOException($"cannot open {directory} to sync it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(descriptor) != 0)
            {
                throw new IOException($"cannot sync {directory} (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
