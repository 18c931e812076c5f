using System.Text.Json;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Passbind.Storage;

namespace Passbind.Server.Features.Binding;

/// <summary>
/// CORS for the ceremony calls: a browser may call them only from one of the job's authenticator config's
/// <c>trusted_origins</c>. The origin is matched exactly, as the ceremony itself does.
/// </summary>
internal sealed class BindingCorsPolicyProvider(DefaultCorsPolicyProvider fallback) : ICorsPolicyProvider
{
    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName != BindingCeremonyEndpoints.CorsPolicy)
        {
            return await fallback.GetPolicyAsync(context, policyName);
        }

        var builder = new CorsPolicyBuilder().WithMethods(HttpMethods.Post).WithHeaders("content-type").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        var route = context.Request.RouteValues;
        if (route["job_id"] is string jobId && route["tenant_id"] is string tenantId && route["realm_id"] is string realmId)
        {
            var db = context.RequestServices.GetRequiredService<PassbindDbContext>();
            var origins = await db.CredentialBindingJobs.AsNoTracking()
                .Where(j => j.Id == jobId && j.TenantId == tenantId && j.RealmId == realmId)
                .Join(db.AuthenticatorConfigs, j => j.AuthenticatorConfigId, c => c.Id, (j, c) => c.TrustedOriginsJson)
                .FirstOrDefaultAsync(context.RequestAborted);
            if (origins is not null)
            {
                builder.WithOrigins(JsonSerializer.Deserialize<string[]>(origins)!);
            }
        }

        return builder.Build();
    }
}
