using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// The one rule of whether an issued token is active: recorded, not revoked, not spent (a used refresh
/// token), not expired, its application still there, and issued no earlier than the application's
/// <c>TokensValidAfter</c>.
/// </summary>
internal static class TokenRecords
{
    public static Task<TokenRecord?> FindByIdAsync(PassbindDbContext db, string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        FindAsync(db, t => t.Id == id, now, cancellationToken);

    public static Task<TokenRecord?> FindRefreshTokenAsync(PassbindDbContext db, byte[] hash, DateTimeOffset now, CancellationToken cancellationToken) =>
        FindAsync(db, t => t.TokenHash == hash && t.Kind == IssuedTokenKinds.Refresh, now, cancellationToken);

    private static Task<TokenRecord?> FindAsync(PassbindDbContext db, Expression<Func<IssuedToken, bool>> match, DateTimeOffset now, CancellationToken cancellationToken) =>
        (from t in db.IssuedTokens.AsNoTracking().Where(match)
         join a in db.Applications on t.ApplicationId equals a.Id
         select new TokenRecord(
             t.Id, t.TenantId, t.RealmId, t.ApplicationId, a.ClientId, t.Kind, t.Subject, t.IdentityId, t.GrantId, t.Scope, t.IssueTime, t.ExpireTime,
             t.RevokeTime == null && t.ReplacedById == null && t.ExpireTime > now && (a.TokensValidAfter == null || t.IssueTime >= a.TokensValidAfter)))
        .FirstOrDefaultAsync(cancellationToken);
}
