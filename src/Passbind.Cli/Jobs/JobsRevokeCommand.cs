using System.CommandLine;
using Passbind.Cli.Connection;

namespace Passbind.Cli.Jobs;

/// <summary><c>passbind jobs revoke IDENTITY_ID JOB_ID</c>: the link stops working; prints the revoked job.</summary>
internal static class JobsRevokeCommand
{
    public static Command Create(CliConsole console)
    {
        var identityId = new Argument<string>("identity-id") { Description = "The job's identity" };
        var jobId = new Argument<string>("job-id") { Description = "The job's id" };
        var command = new Command("revoke", "Revoke a credential binding job, so its link can no longer bind") { identityId, jobId };
        var json = JsonOption.AddTo(command);
        var connection = ConnectionOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var client = connection.CreateClient(parse, console);
            var job = await ProgressDisplay.RunAsync(
                console,
                "Revoking job…",
                () => client.CredentialBindingJobs.RevokeAsync(parse.GetRequiredValue(identityId), parse.GetRequiredValue(jobId), cancellationToken)).ConfigureAwait(false);
            JobOutput.Write(new OutputWriter(console, parse.GetValue(json)), job);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
