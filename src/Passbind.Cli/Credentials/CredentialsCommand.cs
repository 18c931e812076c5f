using System.CommandLine;

namespace Passbind.Cli.Credentials;

/// <summary><c>passbind credentials</c>: the passkeys the server knows of.</summary>
internal static class CredentialsCommand
{
    public static Command Create(CliConsole console) => new("credentials", "List and revoke the server's credentials (bound passkeys)")
    {
        CredentialsListCommand.Create(console),
        CredentialsRevokeCommand.Create(console),
    };
}
