using Microsoft.AspNetCore.Http.HttpResults;
using Passbind.Server.Features.Sdk;
using Passbind.Server.Features.Themes;
using Passbind.Server.Html;
using Passbind.Storage;

namespace Passbind.Server.Features.Pages;

/// <summary>
/// The server's hosted pages. <c>/bind</c> is where an opened binding link lands when the authenticator config's
/// invoke URL is the server itself (the bootstrap config's is): it binds with the browser SDK from
/// <c>window.location.href</c>, as the seed's email example does.
/// </summary>
internal static class PageEndpoints
{
    private const int MaxIdLength = 64;

    // Everything from this server, nothing inline, nothing framed: the page's URL carries a binding token.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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

    /// <summary>
    /// The page in the look of the realm its link names (<c>tenant_id</c>, <c>realm_id</c>), or Passbind's own when the
    /// link names none or one that does not exist; a theme is public branding, so the page shows it to anyone.
    /// </summary>
    internal static async Task<ContentHttpResult> GetBindPage(HttpRequest request, PassbindDbContext db, CancellationToken cancellationToken)
    {
        var look = BindPageLook.Default;
        if (request.Query["tenant_id"] is [{ Length: > 0 and <= MaxIdLength } tenantId]
            && request.Query["realm_id"] is [{ Length: > 0 and <= MaxIdLength } realmId]
            && await RealmLook.FindAsync(db, tenantId, realmId, cancellationToken) is { } realm)
        {
            look = BindPageLook.From(realm);
        }

        var page = BindPage.Render(look, BindPageState.Opening);

        // The page's own URL holds the link's token: never cache it, never send it on as a Referer.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers.ContentSecurityPolicy = page.ContentSecurityPolicy;
        return TypedResults.Content(page.Html, "text/html; charset=utf-8");
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
