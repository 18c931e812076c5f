using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Passbind.Server.Hosting;

/// <summary>
/// The hosts the server answers (ASP.NET Core's host filtering; any other Host header gets 400): <c>AllowedHosts</c>
/// when configured (<c>*</c> for any), else the host of <c>Passbind:PublicBaseUrl</c>, else the hosts of the
/// addresses it listens on (any, when it listens on every address), and the loopback names always, so that a probe
/// or a tool on the machine itself still reaches it.
/// </summary>
internal sealed class PublicHostFiltering(IConfiguration configuration, IOptions<ServerOptions> options) : IPostConfigureOptions<HostFilteringOptions>
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public void PostConfigure(string? name, HostFilteringOptions filtering)
    {
        if (!string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            return;
        }

        var addresses = options.Value.PublicBaseUrl is { Length: > 0 } publicBaseUrl
            ? [publicBaseUrl]
            : (configuration["urls"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hosts = new List<string>(Loopback);
        foreach (var address in addresses)
        {
            // http://*:5000, http://+:5000 and http://0.0.0.0:5000 listen everywhere: any host may be the right one.
            var host = HostOf(address);
            if (host is null or "*" or "+" or "0.0.0.0" or "[::]")
            {
                filtering.AllowedHosts = ["*"];
                return;
            }

            hosts.Add(host);
        }

        filtering.AllowedHosts = hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string? HostOf(string address)
    {
        var start = address.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? address : address[(start + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? null : authority[..(close + 1)];
        }

        var colon = authority.LastIndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        return Uri.CheckHostName(host) == UriHostNameType.Dns && host.Any(c => c > 127) ? new Uri($"http://{host}").IdnHost : host;
    }
}
