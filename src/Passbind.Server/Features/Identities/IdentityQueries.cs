using Microsoft.EntityFrameworkCore;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Identities;

/// <summary>The Identities feature's reads that other features share.</summary>
internal static class IdentityQueries
{
    /// <summary>The identity <paramref name="identityId"/> of the realm, or null: an identity of another realm or tenant is not found.</summary>
    public static Task<Identity?> FindIdentityAsync(
        this PassbindDbContext db, string tenantId, string realmId, string identityId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = Named(db, tenantId, realmId, identityId);
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>True when the realm has the identity <paramref name="identityId"/>.</summary>
    public static Task<bool> IdentityExistsAsync(this PassbindDbContext db, string tenantId, string realmId, string identityId, CancellationToken cancellationToken) =>
        Named(db, tenantId, realmId, identityId).AnyAsync(cancellationToken);

    private static IQueryable<Identity> Named(PassbindDbContext db, string tenantId, string realmId, string identityId) =>
        db.Identities.Where(i => i.Id == identityId && i.TenantId == tenantId && i.RealmId == realmId);
}
