using Passbind.Server.Http;

namespace Passbind.Server.Features.Audit;

/// <summary>
/// Writes one line for every refused request that matters to someone watching for attacks (OWASP ASVS 5.0
/// 16.3.1–16.3.3): a missing or bad token or client secret (401), a token without the right (403), a rate limit
/// (429), an unknown binding link (404 <c>link_not_found</c>), and a refused sign-in call (a forged or unknown
/// transaction, a refused assertion, a wrong one-time code), at warning level with the client's address (the
/// forwarded one only when it came through a configured proxy). A link that is used up, expired or revoked (410)
/// is routine, written at information level. Nothing from the request but its method and path is written: never a
/// header, a query string (a link's token travels there) or a body.
/// </summary>
internal static class SecurityEventLog
{
    public const string Category = "Passbind.Server.Security";

    private const string LinkNotFound = "link_not_found";

    public static IApplicationBuilder UseSecurityEventLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            await next(context);
            Record(logger, context);
        });
    }

    private static void Record(ILogger logger, HttpContext context)
    {
        var status = context.Response.StatusCode;
        var code = ApiError.CodeOf(context) ?? "-";
        var refused = status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests
            || (status == StatusCodes.Status404NotFound && code == LinkNotFound)
            || RateLimits.RateLimitMiddleware.SignInRefusals.Contains(code);
        if (refused)
        {
            Log.RequestRefused(logger, context.Request.Method, context.Request.Path.ToUriComponent(), ClientAddress(context), status, code);
        }
        else if (status == StatusCodes.Status410Gone)
        {
            Log.LinkUnusable(logger, context.Request.Method, context.Request.Path.ToUriComponent(), ClientAddress(context), code);
        }
    }

    /// <summary>The client's address as the server sees it, after forwarded headers from configured proxies.</summary>
    public static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
