using Microsoft.EntityFrameworkCore;
using Passbind.Storage;

namespace Passbind.Server.Features.Tokens;

/// <summary>Ends tokens: one, a whole family (everything one authorization issued), or an application's.</summary>
internal sealed class TokenRevocation(PassbindDbContext db, ActiveTokens active, TimeProvider time)
{
    /// <summary>Revokes every token of <paramref name="grantId"/>; answers how many were still live.</summary>
    public async Task<int> RevokeFamilyAsync(string grantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revoked = await db.IssuedTokens
            .Where(t => t.GrantId == grantId && t.RevokeTime == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokeTime, now), cancellationToken);
        active.Forget();
        return revoked;
    }

    /// <summary>Ends every token the application issued before now; its record survives for introspection to answer inactive.</summary>
    public async Task EndApplicationTokensAsync(string applicationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.Applications
            .Where(a => a.Id == applicationId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.TokensValidAfter, now), cancellationToken);
        active.Forget();
    }

    /// <summary>Called after the application's row went away: its tokens' records went with it.</summary>
    public void ApplicationDeleted() => active.Forget();
}
