using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Storage;

namespace Passbind.Server.Features.Binding;

/// <summary>The binding ceremony's calls are allowed from the trusted origins of their job's authenticator config.</summary>
internal sealed class BindingTrustedOrigins : RouteTrustedOrigins
{
    public override string PolicyName => BindingCeremonyEndpoints.CorsPolicy;

    protected override string RouteId => "job_id";

    protected override IQueryable<string> ConfigIds(PassbindDbContext db, string tenantId, string realmId, string id) =>
        db.CredentialBindingJobs.AsNoTracking()
            .Where(j => j.Id == id && j.TenantId == tenantId && j.RealmId == realmId)
            .Select(j => j.AuthenticatorConfigId);
}
