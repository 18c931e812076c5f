using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Storage;

namespace Passbind.Server.Features.Binding;

/// <summary>The binding ceremony's calls are allowed from the trusted origins of their job's authenticator config.</summary>
internal sealed class BindingTrustedOrigins : ITrustedOriginsSource
{
    public string PolicyName => BindingCeremonyEndpoints.CorsPolicy;

    public async Task<IReadOnlyList<string>?> FindAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var route = context.Request.RouteValues;
        if (route["job_id"] is not string jobId || route["tenant_id"] is not string tenantId || route["realm_id"] is not string realmId)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<PassbindDbContext>();
        var origins = await db.CredentialBindingJobs.AsNoTracking()
            .Where(j => j.Id == jobId && j.TenantId == tenantId && j.RealmId == realmId)
            .Join(db.AuthenticatorConfigs, j => j.AuthenticatorConfigId, c => c.Id, (j, c) => c.TrustedOriginsJson)
            .FirstOrDefaultAsync(cancellationToken);
        return origins is null ? null : JsonSerializer.Deserialize<string[]>(origins);
    }
}
