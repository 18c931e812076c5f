using System.CommandLine;
using Microsoft.Data.Sqlite;

namespace Passbind.Cli.Admin;

/// <summary>
/// <c>passbind admin restore FILE [--data-directory DIR] [--force]</c>: puts a backup in place as the data
/// directory's database. Refuses while a server has the database open, and refuses to replace an existing database
/// without <c>--force</c>. master.key and bootstrap.json are left as they are: the backup's signing keys open only
/// with the master key of the directory it came from, so that key must be there (docs/operations.md).
/// </summary>
internal static class AdminRestoreCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A backup written by passbind admin backup" };
        var force = new Option<bool>("--force") { Description = "Replace the data directory's existing database (the server must be stopped)" };
        var command = new Command("restore", "Restore a backup as a stopped SQLite server's database") { file, force };
        var dataDirectory = DataDirectoryOption.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var directory = new SqliteDataDirectory(parse.GetRequiredValue(dataDirectory));
            var backup = Path.GetFullPath(parse.GetRequiredValue(file));
            if (!File.Exists(backup))
            {
                throw new CliUsageException($"{backup} does not exist.");
            }

            var summary = DatabaseSummary.Read(backup);

            // A new data directory may already hold the original master.key and bootstrap.json (docs/operations.md).
            directory.ThrowIfPostgreSql(console, orLooksLikeIt: false);
            if (directory.HasDatabase)
            {
                if (directory.IsInUse())
                {
                    throw new AdminRefusedException("database_in_use", $"{directory.DatabasePath} is open: stop the server first, then restore.");
                }

                if (!parse.GetValue(force))
                {
                    throw new AdminRefusedException("database_exists", $"{directory.DatabasePath} exists: add --force to replace it with the backup.");
                }
            }

            await ProgressDisplay.RunAsync(console, "Restoring…", () => Task.Run(() => Restore(directory, backup), cancellationToken)).ConfigureAwait(false);
            await console.Out.WriteLineAsync(directory.DatabasePath).ConfigureAwait(false);
            var key = File.Exists(Path.Combine(directory.Path, "master.key")) ? "kept master.key as it is" : "no master.key here: put the one of the backed-up server beside it, or set Passbind:MasterKey";
            await console.Error.WriteLineAsync($"Restored {backup} to {directory.DatabasePath}: {summary}; {key}, and bootstrap.json as it is.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>Copies beside the target, then renames over it, so the directory never holds half a database.</summary>
    private static void Restore(SqliteDataDirectory directory, string backup)
    {
        Directory.CreateDirectory(directory.Path);
        var partial = directory.DatabasePath + ".restoring";
        File.Copy(backup, partial, overwrite: true);
        SqliteDataDirectory.MakePrivate(partial);
        try
        {
            // A -wal left by the replaced database would be replayed into the restored one.
            foreach (var sidecar in SqliteDataDirectory.SidecarFiles(directory.DatabasePath))
            {
                File.Delete(sidecar);
            }

            File.Move(partial, directory.DatabasePath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        SqliteConnection.ClearAllPools();
    }
}
