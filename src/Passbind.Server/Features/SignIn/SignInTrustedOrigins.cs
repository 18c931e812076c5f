using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Storage;

namespace Passbind.Server.Features.SignIn;

/// <summary>A sign-in transaction's calls are allowed from the trusted origins of the config it runs with.</summary>
internal sealed class SignInTrustedOrigins : ITrustedOriginsSource
{
    public string PolicyName => SignInEndpoints.CorsPolicy;

    public async Task<IReadOnlyList<string>?> FindAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var route = context.Request.RouteValues;
        if (route["transaction_id"] is not string transactionId || route["tenant_id"] is not string tenantId || route["realm_id"] is not string realmId)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<PassbindDbContext>();
        var origins = await db.SignInTransactions.AsNoTracking()
            .Where(t => t.Id == transactionId && t.TenantId == tenantId && t.RealmId == realmId)
            .Join(db.AuthenticatorConfigs, t => t.AuthenticatorConfigId, c => c.Id, (t, c) => c.TrustedOriginsJson)
            .FirstOrDefaultAsync(cancellationToken);
        return origins is null ? null : JsonSerializer.Deserialize<string[]>(origins);
    }
}
