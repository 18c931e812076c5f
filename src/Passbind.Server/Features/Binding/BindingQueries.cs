using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Themes;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Binding;

/// <summary>
/// The binding ceremony's fixed queries, compiled once so that a call neither builds an expression tree nor looks the
/// query up in EF Core's cache. A compiled query serves one model only, hence a singleton per server (and
/// server tests run SQLite and PostgreSQL servers in one process).
/// </summary>
internal sealed class BindingQueries
{
    /// <summary>
    /// The job a link names, with everything a ceremony call needs around it, in one statement: this runs on
    /// every call.
    /// </summary>
    public Func<PassbindDbContext, string, string, string, string, CancellationToken, Task<FoundLink?>> FindLink { get; } =
        EF.CompileAsyncQuery((PassbindDbContext db, string jobId, string tenantId, string realmId, string identityId, CancellationToken cancellationToken) => (
            from job in db.CredentialBindingJobs.AsNoTracking()
            where job.Id == jobId && job.TenantId == tenantId && job.RealmId == realmId && job.IdentityId == identityId
            join identity in db.Identities.AsNoTracking() on job.IdentityId equals identity.Id
            join tenant in db.Tenants.AsNoTracking() on job.TenantId equals tenant.Id
            join realm in db.Realms.AsNoTracking() on job.RealmId equals realm.Id
            join config in db.AuthenticatorConfigs.AsNoTracking() on job.AuthenticatorConfigId equals config.Id into configs
            from config in configs.DefaultIfEmpty()
            join theme in db.Themes.AsNoTracking() on job.RealmId equals theme.RealmId into themes
            from theme in themes.DefaultIfEmpty()
            select new FoundLink(job, config, identity, new RealmLook(tenant.DisplayName, realm.DisplayName, theme)))
            .FirstOrDefault());

    /// <summary>Credential ids the identity already has, which the new passkey must not duplicate.</summary>
    public Func<PassbindDbContext, string, IAsyncEnumerable<byte[]>> ExistingCredentialIds { get; } =
        EF.CompileAsyncQuery((PassbindDbContext db, string identityId) =>
            db.Credentials.AsNoTracking().Where(c => c.IdentityId == identityId).Select(c => c.CredentialId));
}
