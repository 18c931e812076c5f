using Microsoft.AspNetCore.Http.HttpResults;
using Passbind.Server.Features.Applications;
using Passbind.Server.Features.Tokens.Grants;
using Passbind.Server.Operations;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// An application's token endpoint (RFC 6749 §3.2): reads the form, authenticates the client and hands the
/// request to the handler of its grant type. Errors follow RFC 6749 §5.2, not the management API's shape.
/// </summary>
internal static class TokenEndpoints
{
    public static IEndpointRouteBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost($"{Issuers.ApplicationPath}/token", IssueTokenAsync)
            .DisableAntiforgery()
            .WithTags("Tokens")
            .WithSummary("Get tokens: client credentials, authorization code (with PKCE) or refresh token")
            .AllowAnonymous();
        return app;
    }

    internal static async Task<Results<Ok<TokenResponse>, OAuthError>> IssueTokenAsync(
        string tenant_id,
        string realm_id,
        string application_id,
        HttpRequest request,
        ClientAuthenticator clients,
        IEnumerable<IGrantHandler> grants,
        ILogger<TokenResponse> logger,
        PassbindMetrics metrics,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers.Pragma = "no-cache";
        if (await OAuthForm.ReadAsync(request, cancellationToken) is not { } form)
        {
            return OAuthError.InvalidRequest("the body must be application/x-www-form-urlencoded");
        }

        // RFC 6749 §3.2: a parameter sent twice (a second redirect_uri, say) is not a choice the server makes.
        if (form.FirstOrDefault(field => field.Value.Count > 1) is { Key: { } repeated })
        {
            return OAuthError.InvalidRequest($"{repeated} is repeated");
        }

        var grantType = form["grant_type"].ToString();
        if (grantType.Length == 0)
        {
            return OAuthError.InvalidRequest("grant_type is required");
        }

        var handler = grants.FirstOrDefault(g => g.GrantType == grantType);
        if (handler is null)
        {
            return OAuthError.UnsupportedGrantType("grant_type must be authorization_code, client_credentials or refresh_token");
        }

        var credentials = ClientCredentials.Read(request, form);
        var application = credentials is null
            ? null
            : await clients.AuthenticateAsync(tenant_id, realm_id, application_id, credentials, cancellationToken);
        if (application is null)
        {
            TokenLog.TokenRefused(logger, application_id, "invalid_client");
            return OAuthError.InvalidClient(request.Headers.Authorization.Count > 0);
        }

        if (!ApplicationSettings.GrantTypesOf(application).Contains(grantType))
        {
            return OAuthError.UnauthorizedClient($"the application may not use the {grantType} grant");
        }

        var result = await handler.HandleAsync(new GrantRequest(application, form), cancellationToken);
        if (result.Result is OAuthError error)
        {
            TokenLog.TokenRefused(logger, application_id, error.Error);
        }
        else
        {
            metrics.TokenIssued(grantType);
        }

        return result;
    }
}
