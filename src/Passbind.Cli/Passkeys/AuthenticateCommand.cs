using System.CommandLine;

namespace Passbind.Cli.Passkeys;

/// <summary>
/// <c>passbind authenticate URL [--passkey ID] [--allow-domain HOST …] [--origin O] [--store DIR]</c>: signs in with a
/// passkey held on this machine (the .NET SDK's store, as <c>bind</c> fills it) and prints the redirect URL that carries
/// the authorization code, for the relying party to exchange. Without <c>--passkey</c>, the one passkey of the
/// sign-in's realm signs. The request's server must be allowed, as for <c>bind</c>.
/// </summary>
internal static class AuthenticateCommand
{
    public static Command Create(CliConsole console)
    {
        var url = new Argument<string>("url")
        {
            Description = "An authenticate URL ({invoke_url}/bi-authenticate?request=…), as the application's authorize endpoint answers",
        };
        var passkey = new Option<string?>("--passkey")
        {
            Description = "The local id of the passkey to sign with (see 'passbind passkeys list') [default: the only passkey of the sign-in's realm]",
            HelpName = "id",
        };
        var command = new Command("authenticate", "Sign in with a passkey on this machine, and print the redirect URL with the code") { url, passkey };
        var ceremony = CeremonyOptions.AddTo(command);
        var store = StoreOptions.AddTo(command);
        var json = JsonOption.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var options = store.ToEmbeddedOptions(parse, console);
            ceremony.ApplyTo(parse, options);
            var passkeyId = parse.GetValue(passkey);
            if (passkeyId is { Length: 0 })
            {
                throw new CliUsageException("--passkey needs a passkey id.");
            }

            var embedded = await StoreOptions.InitializeAsync(options, cancellationToken).ConfigureAwait(false);
            var response = await ProgressDisplay.RunAsync(
                console,
                "Signing in…",
                () => embedded.AuthenticateAsync(parse.GetRequiredValue(url), passkeyId, cancellationToken)).ConfigureAwait(false);

            var output = new OutputWriter(console, parse.GetValue(json));
            if (output.Json)
            {
                output.WriteJson(response, CliJsonContext.Default.AuthenticateResponse);
            }
            else
            {
                output.WriteLine(response.RedirectUrl);
            }

            if (response.Passkey is { } signer)
            {
                await console.Error.WriteLineAsync(
                    $"Signed in as {signer.Identity.Username} ({signer.Identity.Id}) with passkey {signer.PasskeyId}.").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }, cancellationToken, ceremonyFailed: ExitCodes.SignInFailed));
        return command;
    }
}
