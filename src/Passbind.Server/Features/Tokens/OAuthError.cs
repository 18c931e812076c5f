using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Passbind.Server.Http;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// Every error the OAuth endpoints (token, introspection, revocation, userinfo) answer, in RFC 6749 §5.2's
/// shape <c>{"error", "error_description"}</c>. The factory methods are the catalogue: call sites name the
/// failure, never a status or a code.
/// </summary>
internal sealed class OAuthError : IResult, IEndpointMetadataProvider
{
    private OAuthError(int status, string error, string description, string? challenge = null)
    {
        Status = status;
        Body = new OAuthErrorBody(error, description);
        Challenge = challenge;
    }

    public int Status { get; }

    public OAuthErrorBody Body { get; }

    /// <summary>The <c>WWW-Authenticate</c> value sent with it, if any.</summary>
    public string? Challenge { get; }

    public string Error => Body.Error;

    public static OAuthError InvalidRequest(string description) => new(400, "invalid_request", description);

    /// <summary>
    /// RFC 6749 §5.2: 401, and a client that authenticated with the Authorization header is told which scheme
    /// to use.
    /// </summary>
    public static OAuthError InvalidClient(bool usedAuthorizationHeader) =>
        new(401, "invalid_client", "client authentication failed", usedAuthorizationHeader ? "Basic realm=\"passbind\"" : null);

    public static OAuthError InvalidGrant(string description) => new(400, "invalid_grant", description);

    public static OAuthError UnauthorizedClient(string description) => new(400, "unauthorized_client", description);

    public static OAuthError UnsupportedGrantType(string description) => new(400, "unsupported_grant_type", description);

    public static OAuthError InvalidScope(string description) => new(400, "invalid_scope", description);

    /// <summary>RFC 7009 §2.2.1: the server does not revoke this kind of token.</summary>
    public static OAuthError UnsupportedTokenType(string description) => new(400, "unsupported_token_type", description);

    /// <summary>RFC 6750 §3.1, for a protected resource (userinfo): no usable bearer token.</summary>
    public static OAuthError InvalidToken() =>
        new(401, "invalid_token", "the access token is missing, invalid, expired or revoked", "Bearer error=\"invalid_token\"");

    /// <summary>RFC 6750 §3.1: the token lacks the scope the resource needs.</summary>
    public static OAuthError InsufficientScope(string scope) =>
        new(403, "insufficient_scope", $"the access token lacks the {scope} scope", $"Bearer error=\"insufficient_scope\", scope=\"{scope}\"");

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        if (Challenge is not null)
        {
            response.Headers.WWWAuthenticate = Challenge;
        }

        return response.WriteAsJsonAsync(Body, ApiJson.Options, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(400, typeof(OAuthErrorBody), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(401, typeof(OAuthErrorBody), ["application/json"]));
    }
}
