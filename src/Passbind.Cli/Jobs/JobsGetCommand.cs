using System.CommandLine;
using Passbind.Cli.Connection;

namespace Passbind.Cli.Jobs;

/// <summary><c>passbind jobs get IDENTITY_ID JOB_ID</c>.</summary>
internal static class JobsGetCommand
{
    public static Command Create(CliConsole console)
    {
        var identityId = new Argument<string>("identity-id") { Description = "The job's identity" };
        var jobId = new Argument<string>("job-id") { Description = "The job's id" };
        var command = new Command("get", "Show a credential binding job and its state") { identityId, jobId };
        var json = JsonOption.AddTo(command);
        var connection = ConnectionOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var client = connection.CreateClient(parse, console);
            var job = await ProgressDisplay.RunAsync(
                console,
                "Fetching job…",
                () => client.CredentialBindingJobs.GetAsync(parse.GetRequiredValue(identityId), parse.GetRequiredValue(jobId), cancellationToken)).ConfigureAwait(false);
            JobOutput.Write(new OutputWriter(console, parse.GetValue(json)), job);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
