using System.CommandLine;
using Passbind.Cli.Connection;
using Passbind.Client;

namespace Passbind.Cli.Identities;

/// <summary><c>passbind identities create --username U [--display-name D] [--email E]</c>.</summary>
internal static class IdentitiesCreateCommand
{
    public static Command Create(CliConsole console)
    {
        var username = new Option<string>("--username") { Description = "The identity's username (traits.username)", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "The name shown to people [default: the username]" };
        var email = new Option<string?>("--email") { Description = "The primary email address, where EMAIL binding links go" };
        var command = new Command("create", "Create an identity") { username, displayName, email };
        var json = JsonOption.AddTo(command);
        var connection = ConnectionOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var client = connection.CreateClient(parse, console);
            var name = parse.GetRequiredValue(username);
            var request = new CreateIdentityRequest
            {
                DisplayName = parse.GetValue(displayName) ?? name,
                Traits = new IdentityTraits { Username = name, PrimaryEmailAddress = parse.GetValue(email) },
            };
            var identity = await ProgressDisplay.RunAsync(
                console, "Creating identity…", () => client.Identities.CreateAsync(request, cancellationToken)).ConfigureAwait(false);
            IdentityOutput.Write(new OutputWriter(console, parse.GetValue(json)), identity);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
