using System.Text.Json;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.SignIn;
using Passbind.Storage;

namespace Passbind.Server.Features.Binding;

/// <summary>
/// CORS for the ceremony calls, binding and sign-in alike: a browser may call them only from one of the
/// authenticator config's <c>trusted_origins</c> (the job's, or the sign-in transaction's). The origin is matched
/// exactly, as the ceremony itself does.
/// </summary>
internal sealed class BindingCorsPolicyProvider(DefaultCorsPolicyProvider fallback) : ICorsPolicyProvider
{
    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        Func<PassbindDbContext, RouteValueDictionary, CancellationToken, Task<string?>>? findOrigins = policyName switch
        {
            BindingCeremonyEndpoints.CorsPolicy => FindJobOriginsAsync,
            SignInEndpoints.CorsPolicy => SignInTransactions.FindTrustedOriginsAsync,
            _ => null,
        };
        if (findOrigins is null)
        {
            return await fallback.GetPolicyAsync(context, policyName);
        }

        var builder = new CorsPolicyBuilder().WithMethods(HttpMethods.Post).WithHeaders("content-type").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        var db = context.RequestServices.GetRequiredService<PassbindDbContext>();
        if (await findOrigins(db, context.Request.RouteValues, context.RequestAborted) is { } origins)
        {
            builder.WithOrigins(JsonSerializer.Deserialize<string[]>(origins)!);
        }

        return builder.Build();
    }

    private static Task<string?> FindJobOriginsAsync(PassbindDbContext db, RouteValueDictionary route, CancellationToken cancellationToken) =>
        route["job_id"] is string jobId && route["tenant_id"] is string tenantId && route["realm_id"] is string realmId
            ? db.CredentialBindingJobs.AsNoTracking()
                .Where(j => j.Id == jobId && j.TenantId == tenantId && j.RealmId == realmId)
                .Join(db.AuthenticatorConfigs, j => j.AuthenticatorConfigId, c => c.Id, (j, c) => c.TrustedOriginsJson)
                .FirstOrDefaultAsync(cancellationToken)
            : Task.FromResult<string?>(null);
}
