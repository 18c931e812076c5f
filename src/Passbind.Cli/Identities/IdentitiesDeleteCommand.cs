using System.CommandLine;
using Passbind.Cli.Connection;

namespace Passbind.Cli.Identities;

/// <summary><c>passbind identities delete ID</c>: prints nothing on stdout; a note on stderr.</summary>
internal static class IdentitiesDeleteCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("identity-id") { Description = "The identity's id" };
        var command = new Command("delete", "Delete an identity") { id };
        var connection = ConnectionOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var client = connection.CreateClient(parse, console);
            var identityId = parse.GetRequiredValue(id);
            await ProgressDisplay.RunAsync(
                console, "Deleting identity…", () => client.Identities.DeleteAsync(identityId, cancellationToken)).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Deleted identity {identityId}.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
