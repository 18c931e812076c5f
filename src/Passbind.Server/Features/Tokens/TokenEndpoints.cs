using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Passbind.Server.Operations;
using Passbind.Storage;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// The OAuth 2.0 token endpoint of an application (client credentials, RFC 6749 §4.4) and its JWKS.
/// Errors here follow RFC 6749 §5.2, not the management API's shape.
/// </summary>
internal static class TokenEndpoints
{
    private const string ApplicationPath = "/v1/tenants/{tenant_id}/realms/{realm_id}/applications/{application_id}";

    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost($"{ApplicationPath}/token", IssueTokenAsync)
            .DisableAntiforgery()
            .WithTags("Tokens")
            .WithSummary("Get an access token with client credentials")
            .AllowAnonymous();
        app.MapGet($"{ApplicationPath}/.well-known/jwks.json", GetKeySet)
            .WithTags("Tokens")
            .WithSummary("The keys that verify this server's access tokens")
            .AllowAnonymous();
        return app;
    }

    internal static async Task<Results<Ok<TokenResponse>, JsonHttpResult<OAuthError>>> IssueTokenAsync(
        string tenant_id,
        string realm_id,
        string application_id,
        HttpRequest request,
        PassbindDbContext db,
        AccessTokens tokens,
        PassbindMetrics metrics,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError.InvalidRequest("the body must be application/x-www-form-urlencoded");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (string.IsNullOrEmpty(form["grant_type"]))
        {
            return OAuthError.InvalidRequest("grant_type is required");
        }

        if (form["grant_type"] != "client_credentials")
        {
            return OAuthError.Of(400, "unsupported_grant_type", "only client_credentials is supported");
        }

        if (ReadClientCredentials(request, form) is not var (clientId, clientSecret))
        {
            return OAuthError.InvalidClient(request);
        }

        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(
            a => a.Id == application_id && a.TenantId == tenant_id && a.RealmId == realm_id, cancellationToken);
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(clientSecret));
        if (application is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(application.ClientId), Encoding.UTF8.GetBytes(clientId))
            || application.ClientSecretHash is null
            || !CryptographicOperations.FixedTimeEquals(application.ClientSecretHash, presentedHash))
        {
            return OAuthError.InvalidClient(request);
        }

        var allowed = application.AllowedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] granted = allowed;
        var requestedScope = form["scope"].ToString();
        if (!string.IsNullOrWhiteSpace(requestedScope))
        {
            granted = requestedScope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();
            if (granted.Any(scope => !allowed.Contains(scope, StringComparer.Ordinal)))
            {
                return OAuthError.Of(400, "invalid_scope", "a requested scope is not allowed for this application");
            }
        }

        var lifetime = TimeSpan.FromSeconds(application.TokenLifetimeSeconds);
        var expiration = form["expiration_time"].ToString();
        if (expiration.Length > 0)
        {
            if (!long.TryParse(expiration, out var seconds) || seconds <= 0 || seconds > application.TokenLifetimeSeconds)
            {
                return OAuthError.InvalidRequest($"expiration_time must be a whole number of seconds from 1 to {application.TokenLifetimeSeconds}");
            }

            lifetime = TimeSpan.FromSeconds(seconds);
        }

        var issued = tokens.Issue(tenant_id, realm_id, application.Id, application.ClientId, application.TokenRealm, granted, lifetime);
        metrics.TokenIssued("client_credentials");
        return TypedResults.Ok(new TokenResponse(issued.AccessToken, "Bearer", issued.ExpiresIn, issued.Scope));
    }

    internal static Ok<JsonWebKeySetResponse> GetKeySet(SigningKeyRing keys) =>
        TypedResults.Ok(new JsonWebKeySetResponse(keys.All.Select(key =>
        {
            var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
            return new JsonWebKeyResponse("RSA", key.KeyId, "sig", SecurityAlgorithms.RsaSha256,
                Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent));
        }).ToList()));

    /// <summary>client_secret_basic (RFC 6749 §2.3.1) or client_secret_post; never both.</summary>
    private static (string ClientId, string ClientSecret)? ReadClientCredentials(HttpRequest request, IFormCollection form)
    {
        var postedId = form["client_id"].ToString();
        var postedSecret = form["client_secret"].ToString();
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { } parameter)
        {
            if (postedSecret.Length > 0)
            {
                return null;
            }

            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon <= 0
                    ? null
                    : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return postedId.Length > 0 && postedSecret.Length > 0 ? (postedId, postedSecret) : null;
    }
}

internal sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn, string Scope);

internal sealed record JsonWebKeySetResponse(IReadOnlyList<JsonWebKeyResponse> Keys);

internal sealed record JsonWebKeyResponse(string Kty, string Kid, string Use, string Alg, string N, string E);

/// <summary>An RFC 6749 §5.2 error body.</summary>
internal sealed record OAuthError(string Error, string? ErrorDescription)
{
    public static JsonHttpResult<OAuthError> Of(int status, string error, string description) =>
        TypedResults.Json(new OAuthError(error, description), statusCode: status);

    public static JsonHttpResult<OAuthError> InvalidRequest(string description) => Of(400, "invalid_request", description);

    /// <summary>RFC 6749 §5.2: a client that authenticated with the Authorization header is told which scheme to use.</summary>
    public static JsonHttpResult<OAuthError> InvalidClient(HttpRequest request)
    {
        if (request.Headers.Authorization.Count > 0)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"passbind\"";
        }

        return Of(401, "invalid_client", "client authentication failed");
    }
}
