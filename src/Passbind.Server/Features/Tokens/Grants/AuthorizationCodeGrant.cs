using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Applications;
using Passbind.Server.Features.Oidc;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens.Grants;

/// <summary>
/// The authorization code grant (RFC 6749 §4.1.3) with PKCE (RFC 7636). A code is redeemed once, by the
/// client it was issued to, with the exact redirect URI of its authorization and the verifier of its
/// challenge, within its minute. A code presented a second time fails and revokes every token its first
/// redemption issued (RFC 6749 §4.1.2, RFC 9700 §4.4.1).
/// </summary>
internal sealed class AuthorizationCodeGrant(
    PassbindDbContext db,
    AccessTokens accessTokens,
    IdTokens idTokens,
    RefreshTokens refreshTokens,
    TokenRevocation revocation,
    TimeProvider time,
    ILogger<AuthorizationCodeGrant> logger) : IGrantHandler
{
    public string GrantType => ApplicationValues.AuthorizationCodeGrant;

    public async Task<Results<Ok<TokenResponse>, OAuthError>> HandleAsync(GrantRequest request, CancellationToken cancellationToken)
    {
        var application = request.Application;
        var form = request.Form;
        var presented = form["code"].ToString();
        var redirectUri = form["redirect_uri"].ToString();
        if (presented.Length == 0)
        {
            return OAuthError.InvalidRequest("code is required");
        }

        if (redirectUri.Length == 0)
        {
            return OAuthError.InvalidRequest("redirect_uri is required");
        }

        var hash = AuthorizationCodes.Hash(presented);
        var code = await db.AuthorizationCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == hash, cancellationToken);
        if (code is null || code.ApplicationId != application.Id)
        {
            return OAuthError.InvalidGrant("the code is invalid, expired or was issued to another client");
        }

        if (code.RedeemTime is not null)
        {
            return await RefuseReuseAsync(code, cancellationToken);
        }

        var now = time.GetUtcNow();
        if (code.ExpireTime <= now)
        {
            return OAuthError.InvalidGrant("the code is invalid, expired or was issued to another client");
        }

        if (!string.Equals(redirectUri, code.RedirectUri, StringComparison.Ordinal))
        {
            return OAuthError.InvalidGrant("redirect_uri differs from the authorization request's");
        }

        if (CheckPkce(application, code, form["code_verifier"].ToString()) is { } pkceError)
        {
            return pkceError;
        }

        // Of any number of concurrent redemptions exactly one marks the code; the others are reuse.
        var redeemed = await db.AuthorizationCodes
            .Where(c => c.CodeHash == hash && c.RedeemTime == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.RedeemTime, now), cancellationToken);
        if (redeemed == 0)
        {
            return await RefuseReuseAsync(code, cancellationToken);
        }

        var identity = await SignedInIdentity.FindActiveAsync(db, application, code.IdentityId, cancellationToken);
        if (identity is null)
        {
            return OAuthError.InvalidGrant("the identity is no longer active");
        }

        // A passkey revoked in the code's short life must not still buy tokens.
        if (code.CredentialId is { } credentialId && !await SignedInIdentity.CredentialIsActiveAsync(db, identity, credentialId, cancellationToken))
        {
            return OAuthError.InvalidGrant("the passkey that signed in is no longer active");
        }

        if (Subjects.Of(application, identity) is not { } subject)
        {
            return OAuthError.InvalidGrant($"the identity has no {application.SubjectField}, the application's subject field");
        }

        var scopes = RequestedScopes.Parse(code.Scope);
        var lifetime = TimeSpan.FromSeconds(application.TokenLifetimeSeconds);
        var access = await accessTokens.IssueAsync(db, new AccessTokenRequest(application, subject, identity.Id, code.GrantId, scopes, lifetime), cancellationToken);
        var idToken = scopes.Contains(OidcScopes.OpenId)
            ? await idTokens.CreateAsync(application, identity, subject, scopes, code, lifetime, cancellationToken)
            : null;
        string? refreshToken = null;
        if (scopes.Contains(OidcScopes.OfflineAccess) && ApplicationSettings.GrantTypesOf(application).Contains(ApplicationValues.RefreshTokenGrant))
        {
            refreshToken = refreshTokens.Add(db, application, subject, identity.Id, code.GrantId, access.Scope).Token;
        }

        await db.SaveChangesAsync(cancellationToken);

        // A concurrent second redemption that lost the race deleted the code after revoking the family,
        // possibly before these tokens were written: revoke them too.
        if (!await db.AuthorizationCodes.AnyAsync(c => c.CodeHash == hash, cancellationToken))
        {
            await revocation.RevokeFamilyAsync(code.GrantId, cancellationToken);
            return OAuthError.InvalidGrant("the code was used more than once");
        }

        return TypedResults.Ok(new TokenResponse(access.AccessToken, "Bearer", access.ExpiresIn, access.Scope, idToken, refreshToken));
    }

    private async Task<OAuthError> RefuseReuseAsync(AuthorizationCode code, CancellationToken cancellationToken)
    {
        // The code goes first, then the family: a concurrent first redemption that saves its tokens after this
        // revocation then finds its code gone and revokes them itself; in the other order it could find the code
        // still there between the revocation and the delete, and keep tokens issued on a reused code.
        await db.AuthorizationCodes.Where(c => c.CodeHash == code.CodeHash).ExecuteDeleteAsync(cancellationToken);
        var revoked = await revocation.RevokeFamilyAsync(code.GrantId, cancellationToken);
        TokenLog.CodeReused(logger, code.ApplicationId, code.IdentityId, revoked);
        return OAuthError.InvalidGrant("the code was used more than once");
    }

    /// <summary>
    /// RFC 7636 §4.6, and RFC 9700 §2.1.1's downgrade rule: a verifier without a challenge is refused, as is a
    /// missing verifier or a method weaker than the application requires.
    /// </summary>
    private static OAuthError? CheckPkce(Application application, AuthorizationCode code, string verifier)
    {
        if (code.CodeChallenge is null)
        {
            return verifier.Length > 0
                ? OAuthError.InvalidGrant("code_verifier was sent but the authorization request had no code_challenge")
                : application.Pkce == ApplicationValues.PkceDisabled ? null : OAuthError.InvalidGrant("the application requires PKCE");
        }

        if (verifier.Length == 0)
        {
            return OAuthError.InvalidGrant("code_verifier is required");
        }

        if (application.Pkce == ApplicationValues.PkceS256 && code.CodeChallengeMethod != PkceMethods.S256)
        {
            return OAuthError.InvalidGrant("the application requires the S256 code_challenge_method");
        }

        if (verifier.Length is < 43 or > 128 || !verifier.All(IsUnreserved))
        {
            return OAuthError.InvalidGrant("code_verifier must be 43 to 128 unreserved characters");
        }

        var expected = code.CodeChallengeMethod == PkceMethods.Plain
            ? verifier
            : Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code.CodeChallenge))
            ? null
            : OAuthError.InvalidGrant("code_verifier does not match the code_challenge");
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
