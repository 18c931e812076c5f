using Microsoft.AspNetCore.Http.HttpResults;
using Passbind.Server.Features.Applications;
using Passbind.Storage;

namespace Passbind.Server.Features.Tokens.Grants;

/// <summary>
/// Client credentials (RFC 6749 §4.4): a token that speaks for the application itself. Beyond Identity's
/// <c>expiration_time</c> asks for a shorter lifetime than the application's.
/// </summary>
internal sealed class ClientCredentialsGrant(PassbindDbContext db, AccessTokens tokens) : IGrantHandler
{
    public string GrantType => ApplicationValues.ClientCredentialsGrant;

    public async Task<Results<Ok<TokenResponse>, OAuthError>> HandleAsync(GrantRequest request, CancellationToken cancellationToken)
    {
        var application = request.Application;
        var granted = RequestedScopes.Narrow(RequestedScopes.Parse(application.AllowedScopes), request.Form["scope"]);
        if (granted is null)
        {
            return OAuthError.InvalidScope("a requested scope is not allowed for this application");
        }

        var lifetime = TimeSpan.FromSeconds(application.TokenLifetimeSeconds);
        var expiration = request.Form["expiration_time"].ToString();
        if (expiration.Length > 0)
        {
            if (!long.TryParse(expiration, out var seconds) || seconds <= 0 || seconds > application.TokenLifetimeSeconds)
            {
                return OAuthError.InvalidRequest($"expiration_time must be a whole number of seconds from 1 to {application.TokenLifetimeSeconds}");
            }

            lifetime = TimeSpan.FromSeconds(seconds);
        }

        var issued = await tokens.IssueAsync(db,
            new AccessTokenRequest(application, application.ClientId, null, AccessTokens.NewTokenId(), granted, lifetime), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(issued.AccessToken, "Bearer", issued.ExpiresIn, issued.Scope));
    }
}
