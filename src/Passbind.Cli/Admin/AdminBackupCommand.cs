using System.CommandLine;
using Microsoft.Data.Sqlite;

namespace Passbind.Cli.Admin;

/// <summary>
/// <c>passbind admin backup FILE [--data-directory DIR]</c>: a consistent copy of a SQLite server's database,
/// taken with SQLite's online backup API while the server serves (its writes go on; the copy is the database as
/// of one instant). Prints the file's path on stdout, and what it holds on stderr.
/// </summary>
internal static class AdminBackupCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "Where to write the backup (replaced if it exists)" };
        var command = new Command("backup", "Write a consistent copy of a SQLite server's database, while it serves") { file };
        var dataDirectory = DataDirectoryOption.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var directory = new SqliteDataDirectory(parse.GetRequiredValue(dataDirectory));
            directory.ThrowIfPostgreSql(console, orLooksLikeIt: true);
            if (!directory.HasDatabase)
            {
                throw new CliUsageException($"{directory.DatabasePath} does not exist: is --data-directory the server's Passbind:DataDirectory?");
            }

            var target = Path.GetFullPath(parse.GetRequiredValue(file));
            var summary = await ProgressDisplay.RunAsync(console, "Backing up…", () => Task.Run(() => Backup(directory, target), cancellationToken)).ConfigureAwait(false);
            await console.Out.WriteLineAsync(target).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Backed up {directory.DatabasePath} to {target}: {summary}, {new FileInfo(target).Length} bytes. "
                + "master.key is not in it: keep a copy of it apart (see docs/operations.md).").ConfigureAwait(false);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static DatabaseSummary Backup(SqliteDataDirectory directory, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            using (var source = SqliteDataDirectory.Open(directory.DatabasePath, SqliteOpenMode.ReadOnly))
            using (var copy = SqliteDataDirectory.Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                source.Open();
                copy.Open();
                SqliteDataDirectory.MakePrivate(partial);

                // One step over every page, under one read transaction: a snapshot, while the server's writers
                // carry on in the write-ahead log.
                source.BackupDatabase(copy);

                // The copy stands alone: one file, no write-ahead log beside it.
                using var command = copy.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = DELETE";
                command.ExecuteNonQuery();
            }

            var summary = DatabaseSummary.Read(partial);
            File.Move(partial, target, overwrite: true);
            return summary;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
