using Passbind.Server.Features.Sdk;

namespace Passbind.Server.Features.Console;

/// <summary>The console's stylesheet, embedded in the server (no CDN, no static-files folder to deploy).</summary>
internal static class ConsoleAssets
{
    private static readonly EmbeddedAsset Stylesheet = EmbeddedAsset.Load("Passbind.Server.Console.console.css", "text/css; charset=utf-8");

    public static IEndpointRouteBuilder MapConsoleAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/console/assets/console.css", (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-cache";
            return Stylesheet.ToResult();
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
