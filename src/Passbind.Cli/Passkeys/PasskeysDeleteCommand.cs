using System.CommandLine;

namespace Passbind.Cli.Passkeys;

/// <summary>
/// <c>passbind passkeys delete ID</c>: removes the passkey and its private key from this machine. The server's
/// credential stays; revoke it with <c>passbind credentials revoke</c>.
/// </summary>
internal static class PasskeysDeleteCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The passkey's local id (the ID column of passkeys list)" };
        var command = new Command("delete", "Delete a passkey from this machine (the server's credential is not revoked)") { id };
        var store = StoreOptions.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var embedded = await StoreOptions.InitializeAsync(store.ToEmbeddedOptions(parse, console), cancellationToken).ConfigureAwait(false);
            var passkeyId = parse.GetRequiredValue(id);

            // The SDK treats an unknown id as a no-op; a person who typed a wrong id should hear about it.
            var passkeys = await embedded.GetPasskeysAsync(cancellationToken).ConfigureAwait(false);
            if (!passkeys.Any(p => p.Id == passkeyId))
            {
                await console.Error.WriteLineAsync($"passbind: not_found: No passkey {passkeyId} on this machine.").ConfigureAwait(false);
                return ExitCodes.NotFound;
            }

            await embedded.DeletePasskeyAsync(passkeyId, cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Deleted passkey {passkeyId} from this machine.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
