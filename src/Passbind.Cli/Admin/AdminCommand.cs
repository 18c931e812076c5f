using System.CommandLine;

namespace Passbind.Cli.Admin;

/// <summary><c>passbind admin</c>: work on a server's data directory itself, on the machine it runs on.</summary>
internal static class AdminCommand
{
    public static Command Create(CliConsole console) => new("admin", "Back up and restore a SQLite server's database (on the server's machine)")
    {
        AdminBackupCommand.Create(console),
        AdminRestoreCommand.Create(console),
    };
}
