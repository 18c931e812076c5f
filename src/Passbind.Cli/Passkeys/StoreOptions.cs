using System.CommandLine;
using Passbind.Sdk;

namespace Passbind.Cli.Passkeys;

/// <summary>
/// Where this machine's passkeys are kept: <c>--store</c> (or <c>$PASSBIND_STORE</c>) and <c>--store-key</c> (or
/// <c>$PASSBIND_STORE_KEY</c>), defaulting to the .NET SDK's own defaults, so the CLI and apps built on the SDK share
/// one store.
/// </summary>
internal sealed class StoreOptions
{
    public const string StoreVariable = "PASSBIND_STORE";
    public const string StoreKeyVariable = "PASSBIND_STORE_KEY";

    private readonly Option<string?> _store = new("--store")
    {
        Description = $"The passkey store directory [default: ${StoreVariable}, else the .NET SDK's, ~/.local/share/Passbind/passkeys on Linux]",
        HelpName = "dir",
    };

    private readonly Option<string?> _storeKey = new("--store-key")
    {
        Description = $"The file holding the store's encryption key, outside the store [default: ${StoreKeyVariable}, else the .NET SDK's, ~/.config/Passbind/store.key on Linux]",
        HelpName = "file",
    };

    private StoreOptions()
    {
    }

    public static StoreOptions AddTo(Command command)
    {
        var options = new StoreOptions();
        command.Add(options._store);
        command.Add(options._storeKey);
        return options;
    }

    /// <summary>SDK options with the store applied; the caller adds domains and origin.</summary>
    public EmbeddedOptions ToEmbeddedOptions(ParseResult parse, CliConsole console)
    {
        var options = new EmbeddedOptions();
        if (First(parse.GetValue(_store), console.Environment(StoreVariable)) is { } store)
        {
            options.StoreDirectory = Path.GetFullPath(store);
        }

        if (First(parse.GetValue(_storeKey), console.Environment(StoreKeyVariable)) is { } key)
        {
            options.StoreKeyFile = Path.GetFullPath(key);
        }

        return options;
    }

    /// <summary>The SDK refuses some options with <see cref="ArgumentException"/>; for the user that is a usage error.</summary>
    public static async Task<Embedded> InitializeAsync(EmbeddedOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await Embedded.InitializeAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message, e);
        }
    }

    private static string? First(string? option, string? variable) =>
        !string.IsNullOrEmpty(option) ? option : !string.IsNullOrEmpty(variable) ? variable : null;
}
