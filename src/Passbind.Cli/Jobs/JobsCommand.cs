using System.CommandLine;

namespace Passbind.Cli.Jobs;

/// <summary><c>passbind jobs</c>: credential binding jobs, the server's record of each binding link.</summary>
internal static class JobsCommand
{
    public static Command Create(CliConsole console) => new("jobs", "Show and revoke credential binding jobs")
    {
        JobsGetCommand.Create(console),
        JobsRevokeCommand.Create(console),
    };
}
