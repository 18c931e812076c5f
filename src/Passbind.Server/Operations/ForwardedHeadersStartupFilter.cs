using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Passbind.Server.Operations;

/// <summary>
/// First in the pipeline: believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the configured proxies
/// only (<see cref="TrustedProxyOptions"/>), then puts the client's address into the log scope of the request
/// (<c>ClientAddress</c>), so each log line says whom it served. <c>X-Forwarded-Host</c> is never read: the
/// server's own URLs come from its configuration.
/// </summary>
internal sealed class ForwardedHeadersStartupFilter(IOptions<TrustedProxyOptions> proxies, ILoggerFactory loggers) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (proxies.Value.IsEnabled)
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };

            // ASP.NET Core trusts loopback by default; here only what the operator listed.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            app.UseForwardedHeaders(options);
        }

        var logger = loggers.CreateLogger("Passbind.Server.Requests");
        app.Use(async (context, nextMiddleware) =>
        {
            using (logger.BeginScope(new ClientScope(context.Connection.RemoteIpAddress?.ToString())))
            {
                await nextMiddleware(context);
            }
        });
        next(app);
    };

    /// <summary>One scope property, <c>ClientAddress</c>.</summary>
    private sealed class ClientScope(string? address) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("ClientAddress", address) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"ClientAddress:{address}";
    }
}
