using Microsoft.EntityFrameworkCore;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Themes;

/// <summary>How a realm presents itself: its tenant's and its own display names, and its theme (null until one is set).</summary>
internal sealed record RealmLook(string TenantName, string RealmName, Theme? Theme)
{
    /// <summary>The look of a realm of the tenant, or null when the tenant has no such realm.</summary>
    public static Task<RealmLook?> FindAsync(PassbindDbContext db, string tenantId, string realmId, CancellationToken cancellationToken) =>
        (from realm in db.Realms.AsNoTracking()
         where realm.Id == realmId && realm.TenantId == tenantId
         join tenant in db.Tenants.AsNoTracking() on realm.TenantId equals tenant.Id
         join theme in db.Themes.AsNoTracking() on realm.Id equals theme.RealmId into themes
         from theme in themes.DefaultIfEmpty()
         select new RealmLook(tenant.DisplayName, realm.DisplayName, theme)).FirstOrDefaultAsync(cancellationToken);
}
