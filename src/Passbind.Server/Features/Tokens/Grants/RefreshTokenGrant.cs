using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Applications;
using Passbind.Server.Features.Oidc;
using Passbind.Storage;

namespace Passbind.Server.Features.Tokens.Grants;

/// <summary>
/// The refresh token grant (RFC 6749 §6) with rotation: each use answers a new access token and a new
/// refresh token of the same family, and the used one is spent. A spent refresh token presented again
/// revokes the whole family (RFC 9700 §4.14.2).
/// </summary>
internal sealed class RefreshTokenGrant(
    PassbindDbContext db,
    AccessTokens accessTokens,
    RefreshTokens refreshTokens,
    TokenRevocation revocation,
    TimeProvider time,
    ILogger<RefreshTokenGrant> logger) : IGrantHandler
{
    private const string Invalid = "the refresh token is invalid, expired, revoked or was issued to another client";

    public string GrantType => ApplicationValues.RefreshTokenGrant;

    public async Task<Results<Ok<TokenResponse>, OAuthError>> HandleAsync(GrantRequest request, CancellationToken cancellationToken)
    {
        var application = request.Application;
        var presented = request.Form["refresh_token"].ToString();
        if (presented.Length == 0)
        {
            return OAuthError.InvalidRequest("refresh_token is required");
        }

        var hash = RefreshTokens.Hash(presented);
        var stored = await db.IssuedTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.Kind == IssuedTokenKinds.Refresh, cancellationToken);
        if (stored is null || stored.ApplicationId != application.Id || stored.IdentityId is null)
        {
            return OAuthError.InvalidGrant(Invalid);
        }

        if (stored.ReplacedById is not null)
        {
            return await RefuseReuseAsync(stored.GrantId, stored.ApplicationId, cancellationToken);
        }

        var now = time.GetUtcNow();
        var record = await TokenRecords.FindByIdAsync(db, stored.Id, now, cancellationToken);
        if (record is not { Active: true })
        {
            return OAuthError.InvalidGrant(Invalid);
        }

        var scopes = RequestedScopes.Narrow(RequestedScopes.Parse(stored.Scope), request.Form["scope"]);
        if (scopes is null)
        {
            return OAuthError.InvalidScope("a refresh may only narrow the scopes first granted");
        }

        var identity = await SignedInIdentity.FindActiveAsync(db, application, stored.IdentityId, cancellationToken);
        if (identity is null)
        {
            return OAuthError.InvalidGrant("the identity is no longer active");
        }

        var lifetime = TimeSpan.FromSeconds(application.TokenLifetimeSeconds);
        var access = await accessTokens.IssueAsync(db, new AccessTokenRequest(application, stored.Subject, identity.Id, stored.GrantId, scopes, lifetime), cancellationToken);
        var (refreshToken, refreshId) = refreshTokens.Add(db, application, stored.Subject, identity.Id, stored.GrantId, stored.Scope);

        // Of concurrent uses of one refresh token exactly one spends it; the others are reuse.
        var spent = await db.IssuedTokens
            .Where(t => t.Id == stored.Id && t.ReplacedById == null && t.RevokeTime == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ReplacedById, refreshId), cancellationToken);
        if (spent == 0)
        {
            db.ChangeTracker.Clear();
            return await RefuseReuseAsync(stored.GrantId, stored.ApplicationId, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        // A concurrent reuse may have revoked the family before these tokens were written: revoke them too.
        if (await db.IssuedTokens.AnyAsync(t => t.Id == stored.Id && t.RevokeTime != null, cancellationToken))
        {
            await revocation.RevokeFamilyAsync(stored.GrantId, cancellationToken);
            return OAuthError.InvalidGrant(Invalid);
        }

        return TypedResults.Ok(new TokenResponse(access.AccessToken, "Bearer", access.ExpiresIn, access.Scope, RefreshToken: refreshToken));
    }

    private async Task<OAuthError> RefuseReuseAsync(string grantId, string applicationId, CancellationToken cancellationToken)
    {
        var revoked = await revocation.RevokeFamilyAsync(grantId, cancellationToken);
        TokenLog.RefreshTokenReused(logger, applicationId, revoked);
        return OAuthError.InvalidGrant(Invalid);
    }
}
