using System.CommandLine;

namespace Passbind.Cli.Passkeys;

/// <summary><c>passbind passkeys</c>: the passkeys held on this machine (no server is contacted).</summary>
internal static class PasskeysCommand
{
    public static Command Create(CliConsole console) => new("passkeys", "List and delete the passkeys held on this machine")
    {
        PasskeysListCommand.Create(console),
        PasskeysDeleteCommand.Create(console),
    };
}
