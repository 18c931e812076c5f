using System.CommandLine;

namespace Passbind.Cli.Passkeys;

/// <summary><c>passbind passkeys list [--store DIR]</c>, oldest first.</summary>
internal static class PasskeysListCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("list", "List the passkeys held on this machine");
        var store = StoreOptions.AddTo(command);
        var json = JsonOption.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(console, async () =>
        {
            var embedded = await StoreOptions.InitializeAsync(store.ToEmbeddedOptions(parse, console), cancellationToken).ConfigureAwait(false);
            var passkeys = await embedded.GetPasskeysAsync(cancellationToken).ConfigureAwait(false);
            PasskeyOutput.Write(new OutputWriter(console, parse.GetValue(json)), [.. passkeys]);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
