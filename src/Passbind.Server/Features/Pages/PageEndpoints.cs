using Microsoft.AspNetCore.Http.HttpResults;
using Passbind.Server.Features.Sdk;
using Passbind.Server.Html;

namespace Passbind.Server.Features.Pages;

/// <summary>
/// The server's hosted pages. <c>/bind</c> is where an opened binding link lands when the authenticator config's
/// invoke URL is the server itself (the bootstrap config's is): it binds with the browser SDK from
/// <c>window.location.href</c>, as the seed's email example does.
/// </summary>
internal static class PageEndpoints
{
    // Everything from this server, nothing inline, nothing framed: the page's URL carries a binding token.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly EmbeddedAsset BindPage = EmbeddedAsset.Load("Passbind.Server.Pages.bind.html", "text/html; charset=utf-8");
    private static readonly EmbeddedAsset BindScript = EmbeddedAsset.Load("Passbind.Server.Pages.bind.js", "text/javascript; charset=utf-8");
    private static readonly EmbeddedAsset Stylesheet = EmbeddedAsset.Load("Passbind.Server.Pages.pages.css", "text/css; charset=utf-8");

    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithTags("Hosted pages").AllowAnonymous().ExcludeFromDescription().AddEndpointFilter(AddPageHeaders);
        pages.MapGet("/bind", GetBindPage);
        pages.MapGet("/pages/bind.js", GetBindScript);
        pages.MapGet("/pages/pages.css", GetStylesheet);
        return app;
    }

    internal static FileContentHttpResult GetBindPage(HttpResponse response)
    {
        // The page's own URL holds the link's token: never cache it, never send it on as a Referer.
        response.Headers.CacheControl = "no-store";
        return BindPage.ToResult();
    }

    internal static FileContentHttpResult GetBindScript(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache";
        return BindScript.ToResult();
    }

    internal static FileContentHttpResult GetStylesheet(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache";
        return Stylesheet.ToResult();
    }

    /// <summary>The headers of every hosted page and its files: this policy, no framing, no sniffing, no Referer.</summary>
    internal static async ValueTask<object?> AddPageHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        PageHeaders.Apply(context.HttpContext.Response.Headers, ContentSecurityPolicy);
        return await next(context);
    }
}
