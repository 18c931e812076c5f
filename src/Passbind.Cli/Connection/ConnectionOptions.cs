using System.CommandLine;
using System.Text.Json;
using Passbind.Client;

namespace Passbind.Cli.Connection;

/// <summary>
/// How a server command finds its server: a <c>bootstrap.json</c> (<c>--bootstrap</c>, else <c>$PASSBIND_BOOTSTRAP</c>,
/// else <c>data/bootstrap.json</c> when it exists), with <c>--api-url</c>, <c>--tenant</c>, <c>--realm</c> and
/// <c>--token</c> overriding what it says.
/// </summary>
internal sealed class ConnectionOptions
{
    public const string BootstrapVariable = "PASSBIND_BOOTSTRAP";
    public const string DefaultBootstrapPath = "data/bootstrap.json";

    private readonly Option<string?> _bootstrap = new("--bootstrap")
    {
        Description = $"The server's bootstrap.json [default: ${BootstrapVariable}, else {DefaultBootstrapPath}]",
        HelpName = "path",
    };

    private readonly Option<string?> _apiUrl = new("--api-url")
    {
        Description = "The server's api_base_url, overriding bootstrap.json",
        HelpName = "url",
    };

    private readonly Option<string?> _tenant = new("--tenant")
    {
        Description = "The tenant id, overriding bootstrap.json",
        HelpName = "id",
    };

    private readonly Option<string?> _realm = new("--realm")
    {
        Description = "The realm id, overriding bootstrap.json",
        HelpName = "id",
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = "A bearer token for the management API, used instead of bootstrap.json's client credentials",
        HelpName = "token",
    };

    private ConnectionOptions()
    {
    }

    public static ConnectionOptions AddTo(Command command)
    {
        var options = new ConnectionOptions();
        command.Add(options._bootstrap);
        command.Add(options._apiUrl);
        command.Add(options._tenant);
        command.Add(options._realm);
        command.Add(options._token);
        return options;
    }

    /// <summary>Builds a client from the options; throws <see cref="CliUsageException"/> when they are not enough.</summary>
    public PassbindClient CreateClient(ParseResult parse, CliConsole console) => new(Resolve(parse, console));

    public PassbindClientOptions Resolve(ParseResult parse, CliConsole console)
    {
        var path = parse.GetValue(_bootstrap);
        var explicitPath = !string.IsNullOrEmpty(path);
        if (!explicitPath)
        {
            path = console.Environment(BootstrapVariable);
            explicitPath = !string.IsNullOrEmpty(path);
        }

        if (!explicitPath)
        {
            path = DefaultBootstrapPath;
        }

        PassbindClientOptions options;
        if (File.Exists(path))
        {
            options = ReadBootstrap(path!);
        }
        else if (explicitPath)
        {
            throw new CliUsageException($"The bootstrap file {path} does not exist.");
        }
        else
        {
            options = new PassbindClientOptions();
        }

        if (parse.GetValue(_apiUrl) is { Length: > 0 } apiUrl)
        {
            if (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliUsageException($"--api-url {apiUrl} is not an http(s) URL.");
            }

            options.ApiBaseUrl = uri;

            // The token endpoint lives on the same server unless bootstrap.json says otherwise for its own server.
            options.AuthBaseUrl = null;
        }

        if (parse.GetValue(_tenant) is { Length: > 0 } tenant)
        {
            options.TenantId = tenant;
        }

        if (parse.GetValue(_realm) is { Length: > 0 } realm)
        {
            options.RealmId = realm;
        }

        if (parse.GetValue(_token) is { Length: > 0 } token)
        {
            // The client prefers client credentials when it has them; an explicit token must win.
            options.ApiToken = token;
            options.ManagementApplicationId = null;
            options.ClientId = null;
            options.ClientSecret = null;
        }

        if (options.ApiBaseUrl is null)
        {
            throw new CliUsageException(
                $"No server given: pass --bootstrap <path>, set {BootstrapVariable}, run where {DefaultBootstrapPath} exists, or pass --api-url, --tenant, --realm and --token.");
        }

        if (string.IsNullOrEmpty(options.TenantId) || string.IsNullOrEmpty(options.RealmId))
        {
            throw new CliUsageException("No tenant or realm given: pass --tenant and --realm, or a bootstrap.json that has them.");
        }

        if (!options.UsesClientCredentials && string.IsNullOrEmpty(options.ApiToken))
        {
            throw new CliUsageException("No credentials given: pass --token, or a bootstrap.json with client credentials or an api_token.");
        }

        return options;
    }

    private static PassbindClientOptions ReadBootstrap(string path)
    {
        try
        {
            return PassbindClientOptions.FromBootstrapFile(path);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or UnauthorizedAccessException or UriFormatException)
        {
            throw new CliUsageException($"The bootstrap file {path} cannot be used: {e.Message}", e);
        }
    }
}
