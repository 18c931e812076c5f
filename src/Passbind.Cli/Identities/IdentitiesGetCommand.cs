using System.CommandLine;
using Passbind.Cli.Connection;

namespace Passbind.Cli.Identities;

/// <summary><c>passbind identities get ID</c>.</summary>
internal static class IdentitiesGetCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("identity-id") { Description = "The identity's id" };
        var command = new Command("get", "Show an identity") { id };
        var json = JsonOption.AddTo(command);
        var connection = ConnectionOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var client = connection.CreateClient(parse, console);
            var identity = await ProgressDisplay.RunAsync(
                console, "Fetching identity…", () => client.Identities.GetAsync(parse.GetRequiredValue(id), cancellationToken)).ConfigureAwait(false);
            IdentityOutput.Write(new OutputWriter(console, parse.GetValue(json)), identity);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
