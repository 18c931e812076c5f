using Passbind.Server.Features.Sdk;

namespace Passbind.Server.Features.Console;

/// <summary>The console's stylesheet and its one script, embedded in the server (no CDN, no static-files folder to deploy).</summary>
internal static class ConsoleAssets
{
    private static readonly EmbeddedAsset Stylesheet = EmbeddedAsset.Load("Passbind.Server.Console.console.css", "text/css; charset=utf-8");
    private static readonly EmbeddedAsset ImportScript = EmbeddedAsset.Load("Passbind.Server.Console.console-import.js", "text/javascript; charset=utf-8");

    public static IEndpointRouteBuilder MapConsoleAssets(this IEndpointRouteBuilder app)
    {
        Map(app, "/console/assets/console.css", Stylesheet);
        Map(app, "/console/assets/console-import.js", ImportScript);
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, EmbeddedAsset asset) =>
        app.MapGet(path, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-cache";
            return asset.ToResult();
        }).AllowAnonymous().ExcludeFromDescription();
}
