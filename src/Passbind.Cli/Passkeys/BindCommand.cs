using System.CommandLine;
using Passbind.Sdk;

namespace Passbind.Cli.Passkeys;

/// <summary>
/// <c>passbind bind URL [--allow-domain HOST …] [--origin O] [--store DIR]</c>: creates a passkey on this machine with
/// the .NET SDK and binds it through the link. The link's host must be allowed: the SDK's default (<c>localhost</c>)
/// plus each <c>--allow-domain</c>; the link's token is never sent to any other host.
/// </summary>
internal static class BindCommand
{
    public static Command Create(CliConsole console)
    {
        var url = new Argument<string>("url") { Description = "A passkey binding link, in either form (…:invokeAuthenticator?token=… or …/bind?api_base_url=…)" };
        var command = new Command("bind", "Bind a passkey on this machine from a binding link, and print it") { url };
        var ceremony = CeremonyOptions.AddTo(command);
        var store = StoreOptions.AddTo(command);
        var json = JsonOption.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var options = store.ToEmbeddedOptions(parse, console);
            ceremony.ApplyTo(parse, options);

            var embedded = await StoreOptions.InitializeAsync(options, cancellationToken).ConfigureAwait(false);
            var response = await ProgressDisplay.RunAsync(
                console, "Binding passkey…", () => embedded.BindPasskeyAsync(parse.GetRequiredValue(url), cancellationToken)).ConfigureAwait(false);
            PasskeyOutput.Write(new OutputWriter(console, parse.GetValue(json)), response);
            await console.Error.WriteLineAsync(
                $"Bound passkey {response.Passkey.PasskeyId} to {response.Passkey.Identity.Username} ({response.Passkey.Identity.Id}).").ConfigureAwait(false);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
