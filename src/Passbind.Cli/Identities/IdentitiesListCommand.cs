using System.CommandLine;
using Passbind.Cli.Connection;
using Passbind.Client;

namespace Passbind.Cli.Identities;

/// <summary><c>passbind identities list [--username U]</c>: every page, or the one identity with that username.</summary>
internal static class IdentitiesListCommand
{
    public static Command Create(CliConsole console)
    {
        var username = new Option<string?>("--username") { Description = "Only the identity with this username" };
        var command = new Command("list", "List the realm's identities") { username };
        var json = JsonOption.AddTo(command);
        var connection = ConnectionOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var client = connection.CreateClient(parse, console);
            var identities = await ProgressDisplay.RunAsync(console, "Listing identities…", async () =>
            {
                if (parse.GetValue(username) is { Length: > 0 } name)
                {
                    var found = await client.Identities.FindByUsernameAsync(name, cancellationToken).ConfigureAwait(false);
                    return found is null ? new List<Identity>() : [found];
                }

                var all = new List<Identity>();
                await foreach (var identity in client.Identities.ListAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    all.Add(identity);
                }

                return all;
            }).ConfigureAwait(false);
            IdentityOutput.Write(new OutputWriter(console, parse.GetValue(json)), identities);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
