using System.CommandLine;
using Passbind.Cli.Connection;

namespace Passbind.Cli.Credentials;

/// <summary><c>passbind credentials revoke IDENTITY_ID CREDENTIAL_ID</c>: prints the revoked credential.</summary>
internal static class CredentialsRevokeCommand
{
    public static Command Create(CliConsole console)
    {
        var identityId = new Argument<string>("identity-id") { Description = "The credential's identity" };
        var credentialId = new Argument<string>("credential-id") { Description = "The credential's id" };
        var command = new Command("revoke", "Revoke a credential: its passkey can no longer sign in") { identityId, credentialId };
        var json = JsonOption.AddTo(command);
        var connection = ConnectionOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var client = connection.CreateClient(parse, console);
            var credential = await ProgressDisplay.RunAsync(
                console,
                "Revoking credential…",
                () => client.Credentials.RevokeAsync(parse.GetRequiredValue(identityId), parse.GetRequiredValue(credentialId), cancellationToken)).ConfigureAwait(false);
            CredentialOutput.Write(new OutputWriter(console, parse.GetValue(json)), credential);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
