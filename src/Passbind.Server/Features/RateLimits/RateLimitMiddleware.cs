using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.Audit;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Features.RateLimits;

/// <summary>
/// The limits that guard endpoints a stranger can call (docs/security.md, "Rate limits"): refused client
/// authentications at a token, revocation or introspection endpoint, per application and per client address; unknown link tokens on a link's
/// GET and ceremony calls, per client address; and refused sign-in calls (a forged or unknown transaction, a
/// refused assertion, a wrong one-time code), per client address. A caller at a limit gets 429 with
/// <c>Retry-After</c> before the endpoint runs, whatever it sends, so the next right secret or token waits too;
/// only refusals count.
/// </summary>
internal static class RateLimitMiddleware
{
    public const string TokenFailuresPerClient = "token-client";
    public const string TokenFailuresPerAddress = "token-address";
    public const string UnknownLinksPerAddress = "link-address";
    public const string SignInFailuresPerAddress = "sign-in-address";

    private const string LinkNotFound = "link_not_found";
    private const string CeremonyTag = "Binding Ceremony";
    private const string SignInTag = "Sign-in";

    /// <summary>The sign-in refusals a stranger guessing transactions, passkeys or codes would meet.</summary>
    public static readonly IReadOnlySet<string> SignInRefusals = new HashSet<string>(StringComparer.Ordinal) { "transaction_not_found", "authentication_failed", "otp_invalid" };
    private const string TokenRouteSuffix = "/applications/{application_id}/token";
    private const string RevocationRouteSuffix = "/applications/{application_id}/revoke";

    /// <summary>The routes that authenticate a client by its secret: each one a place to guess it.</summary>
    private static readonly string[] ClientAuthenticatedRouteSuffixes =
        [TokenRouteSuffix, RevocationRouteSuffix, "/applications/{application_id}/introspect", "/realms/{realm_id}/introspect"];

    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var guarded = Classify(context.GetEndpoint());
        if (guarded == Guarded.None)
        {
            await next(context);
            return;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var limiter = context.RequestServices.GetRequiredService<RateLimiter>();
        var db = context.RequestServices.GetRequiredService<PassbindDbContext>();
        var address = SecurityEventLog.ClientAddress(context);
        IReadOnlyList<Counted> counted = guarded switch
        {
            Guarded.Token =>
            [
                new(TokenFailuresPerClient, context.GetRouteValue("application_id") as string ?? string.Empty, options.TokenFailuresPerClient),
                new(TokenFailuresPerAddress, address, options.TokenFailuresPerAddress),
            ],
            Guarded.SignIn => [new(SignInFailuresPerAddress, address, options.SignInFailuresPerAddress)],
            _ => [new(UnknownLinksPerAddress, address, options.UnknownLinksPerAddress)],
        };

        if (await limiter.RefusalAsync(db, counted, context.RequestAborted) is { } retryAfter)
        {
            await ApiError.RateLimited(retryAfter).ExecuteAsync(context);
            return;
        }

        await next(context);

        var refused = guarded switch
        {
            Guarded.Token => context.Response.StatusCode == StatusCodes.Status401Unauthorized,
            Guarded.SignIn => ApiError.CodeOf(context) is { } code && SignInRefusals.Contains(code),
            _ => ApiError.CodeOf(context) == LinkNotFound,
        };
        if (refused)
        {
            foreach (var item in counted)
            {
                await limiter.CountAsync(db, item, CancellationToken.None);
            }
        }
    });

    private static Guarded Classify(Endpoint? endpoint)
    {
        if (endpoint is null)
        {
            return Guarded.None;
        }

        if (AuthenticatesClients(endpoint))
        {
            return Guarded.Token;
        }

        var tags = endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags;
        return tags?.Contains(CeremonyTag) == true ? Guarded.Link
            : tags?.Contains(SignInTag) == true ? Guarded.SignIn
            : Guarded.None;
    }

    /// <summary>An application's token endpoint (client credentials, and the OIDC code exchange at the same path).</summary>
    public static bool IsTokenEndpoint(Endpoint? endpoint) => RouteEndsWith(endpoint, TokenRouteSuffix);

    /// <summary>An application's token revocation endpoint (RFC 7009).</summary>
    public static bool IsRevocationEndpoint(Endpoint? endpoint) => RouteEndsWith(endpoint, RevocationRouteSuffix);

    /// <summary>A route that authenticates a client by its secret: the token, revocation and introspection endpoints.</summary>
    public static bool AuthenticatesClients(Endpoint? endpoint) => ClientAuthenticatedRouteSuffixes.Any(suffix => RouteEndsWith(endpoint, suffix));

    private static bool RouteEndsWith(Endpoint? endpoint, string suffix) =>
        endpoint is RouteEndpoint route && route.RoutePattern.RawText?.EndsWith(suffix, StringComparison.Ordinal) == true;

    private enum Guarded
    {
        None,
        Token,
        Link,
        SignIn,
    }
}
