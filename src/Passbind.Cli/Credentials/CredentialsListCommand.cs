using System.CommandLine;
using Passbind.Cli.Connection;
using Passbind.Client;

namespace Passbind.Cli.Credentials;

/// <summary><c>passbind credentials list [IDENTITY_ID|-]</c>: every page; <c>-</c> (the default) means every identity.</summary>
internal static class CredentialsListCommand
{
    public static Command Create(CliConsole console)
    {
        var identityId = new Argument<string>("identity-id")
        {
            Description = "Only this identity's credentials; - for every identity in the realm",
            DefaultValueFactory = _ => "-",
        };
        var command = new Command("list", "List credentials") { identityId };
        var json = JsonOption.AddTo(command);
        var connection = ConnectionOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var client = connection.CreateClient(parse, console);
            var identity = parse.GetValue(identityId) is { Length: > 0 } given ? given : "-";
            var credentials = await ProgressDisplay.RunAsync(console, "Listing credentials…", async () =>
            {
                var all = new List<Credential>();
                await foreach (var credential in client.Credentials.ListAsync(identity, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    all.Add(credential);
                }

                return all;
            }).ConfigureAwait(false);
            CredentialOutput.Write(new OutputWriter(console, parse.GetValue(json)), credentials);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
