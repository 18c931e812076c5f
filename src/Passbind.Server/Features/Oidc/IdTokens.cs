using Microsoft.IdentityModel.Tokens;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Hosting;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Oidc;

/// <summary>
/// ID tokens (OIDC Core §2): RS256, signed with the realm's current key, <c>aud</c> and <c>azp</c> the
/// client id, with the sign-in's <c>nonce</c>, <c>auth_time</c> and <c>amr</c>, and the claims its scopes
/// release.
/// </summary>
internal sealed class IdTokens(SigningKeyRing keys, PublicAddresses addresses, TimeProvider time)
{
    public async Task<string> CreateAsync(
        Application application, Identity identity, string subject, IReadOnlyCollection<string> scopes, AuthorizationCode code, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var key = await keys.GetSigningKeyAsync(application.TenantId, application.RealmId, cancellationToken);
        var now = time.GetUtcNow();
        var issuer = Issuers.For(addresses, application);
        var claims = IdentityClaims.For(identity, subject, scopes);
        claims["auth_time"] = code.AuthTime.ToUnixTimeSeconds();
        claims["amr"] = code.Amr.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        claims["azp"] = application.ClientId;
        if (code.Nonce is not null)
        {
            claims["nonce"] = code.Nonce;
        }

        return AccessTokens.Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = application.ClientId,
            IssuedAt = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SigningKeyRing.Algorithm),
            AdditionalHeaderClaims = new Dictionary<string, object> { ["jku"] = Issuers.KeySetUrl(issuer) },
            Claims = claims,
        });
    }
}
