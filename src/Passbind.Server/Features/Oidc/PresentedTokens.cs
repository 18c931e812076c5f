using Passbind.Server.Features.Tokens;
using Passbind.Storage;

namespace Passbind.Server.Features.Oidc;

/// <summary>Finds the issued-token record of a token a client presents: an access token JWT by its <c>jti</c>, a refresh token by its hash.</summary>
internal sealed class PresentedTokens(PassbindDbContext db, AccessTokens accessTokens, TimeProvider time)
{
    /// <summary>The record, active or not; null when the token is not one this server issued (or no longer verifies).</summary>
    public async Task<TokenRecord?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (token.Count(c => c == '.') == 2)
        {
            var validated = await accessTokens.ValidateAsync(token, cancellationToken);
            var record = validated is null ? null : await TokenRecords.FindByIdAsync(db, validated.Id, now, cancellationToken);
            return record is not null && record.TenantId == validated!.KeyTenantId && record.RealmId == validated.KeyRealmId ? record : null;
        }

        return await TokenRecords.FindRefreshTokenAsync(db, RefreshTokens.Hash(token), now, cancellationToken);
    }
}
