using Microsoft.AspNetCore.Http.HttpResults;

namespace Passbind.Server.Features.Sdk;

/// <summary>
/// The browser SDK at <c>{auth_base_url}/sdk/passbind.js</c> (product.md, fixed point 6) and its types. The file is
/// sdk/js/src/passbind.js itself, embedded at build time. Any origin may import it: it is public code and carries
/// no credentials, and the binding calls it makes are guarded by their own CORS policy.
/// </summary>
internal static class SdkEndpoints
{
    private static readonly EmbeddedAsset Module = EmbeddedAsset.Load("Passbind.Server.Sdk.passbind.js", "text/javascript; charset=utf-8");
    private static readonly EmbeddedAsset Types = EmbeddedAsset.Load("Passbind.Server.Sdk.passbind.d.ts", "application/typescript; charset=utf-8");

    public static IEndpointRouteBuilder MapSdkEndpoints(this IEndpointRouteBuilder app)
    {
        var sdk = app.MapGroup("/sdk").WithTags("SDK").AllowAnonymous().AddEndpointFilter(PublicFileHeaders);
        sdk.MapMethods("/passbind.js", [HttpMethods.Get, HttpMethods.Head], GetModule)
            .WithSummary("The browser SDK, an ES module exporting Embedded and PassbindError");
        sdk.MapMethods("/passbind.d.ts", [HttpMethods.Get, HttpMethods.Head], GetTypes)
            .WithSummary("TypeScript declarations of the browser SDK");
        return app;
    }

    internal static FileContentHttpResult GetModule() => Module.ToResult();

    internal static FileContentHttpResult GetTypes() => Types.ToResult();

    private static async ValueTask<object?> PublicFileHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "public, max-age=300";
        headers.AccessControlAllowOrigin = "*";
        headers.XContentTypeOptions = "nosniff";
        // Lets pages that isolate themselves (Cross-Origin-Embedder-Policy) load it from another origin too.
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        return await next(context);
    }
}
