using System.CommandLine;
using Passbind.Sdk;

namespace Passbind.Cli.Passkeys;

/// <summary>
/// What a command that talks to a server with a passkey needs besides the store: <c>--allow-domain</c> (hosts the SDK
/// may send a link's token or a sign-in's request to, beyond <c>localhost</c>) and <c>--origin</c> (what
/// <c>clientDataJSON.origin</c> says). <c>bind</c> and <c>authenticate</c> share them.
/// </summary>
internal sealed class CeremonyOptions
{
    private readonly Option<string[]> _allowDomains = new("--allow-domain")
    {
        Description = "A host the URL may point to, in addition to localhost (subdomains included; IP addresses exactly). Repeatable",
        HelpName = "host",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _origin = new("--origin")
    {
        Description = $"The origin presented to the server; it must be in the authenticator config's trusted_origins [default: {EmbeddedOptions.DefaultOrigin}]",
        HelpName = "origin",
    };

    private CeremonyOptions()
    {
    }

    public static CeremonyOptions AddTo(Command command)
    {
        var options = new CeremonyOptions();
        command.Add(options._allowDomains);
        command.Add(options._origin);
        return options;
    }

    /// <summary>Adds the allowed domains and the origin given on the command line to <paramref name="options"/>.</summary>
    public void ApplyTo(ParseResult parse, EmbeddedOptions options)
    {
        options.AllowedDomains = [.. options.AllowedDomains, .. parse.GetValue(_allowDomains) ?? []];
        if (parse.GetValue(_origin) is { Length: > 0 } presented)
        {
            options.Origin = presented;
        }
    }
}
