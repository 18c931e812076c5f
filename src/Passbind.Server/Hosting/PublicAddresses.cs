using Microsoft.Extensions.Options;
using Passbind.Server.Features.AuthenticatorConfigs;

namespace Passbind.Server.Hosting;

/// <summary>
/// The server's public addresses, fixed at start from configuration: <c>Passbind:PublicBaseUrl</c>, else the
/// first address in <c>urls</c> (what <c>--urls</c> sets), else ASP.NET Core's default. A request's Host
/// header never enters a URL the server writes.
/// </summary>
internal sealed class PublicAddresses
{
    private const string DefaultListenAddress = "http://localhost:5000";

    public PublicAddresses(IOptions<ServerOptions> options, IOptions<WebAuthnOptions> webAuthn, IConfiguration configuration)
    {
        var configured = options.Value.PublicBaseUrl;
        var baseUrl = string.IsNullOrWhiteSpace(configured) ? FirstListenAddress(configured, configuration) : configured;
        if (!Uri.TryCreate(baseUrl.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Passbind:PublicBaseUrl '{baseUrl}' is not an absolute http or https URL.");
        }

        BaseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        Origin = uri.GetLeftPart(UriPartial.Authority);
        RpId = webAuthn.Value.RpId ?? uri.Host;
    }

    /// <summary>The base of the management API and of the auth endpoints (one process serves both).</summary>
    public string BaseUrl { get; }

    /// <summary>The scheme, host and port of <see cref="BaseUrl"/>.</summary>
    public string Origin { get; }

    public string RpId { get; }

    public string ApiBaseUrl => BaseUrl;

    public string AuthBaseUrl => BaseUrl;

    private static string FirstListenAddress(string? configured, IConfiguration configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? configured ?? DefaultListenAddress;
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? DefaultListenAddress;

        // A wildcard listens everywhere; links need a name a browser can reach, so use localhost.
        return first.Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
    }
}
