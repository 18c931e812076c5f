using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Storage;

namespace Passbind.Server.Features.SignIn;

/// <summary>A sign-in transaction's calls are allowed from the trusted origins of the config it runs with.</summary>
internal sealed class SignInTrustedOrigins : RouteTrustedOrigins
{
    public override string PolicyName => SignInEndpoints.CorsPolicy;

    protected override string RouteId => "transaction_id";

    protected override IQueryable<string> ConfigIds(PassbindDbContext db, string tenantId, string realmId, string id) =>
        db.SignInTransactions.AsNoTracking()
            .Where(t => t.Id == id && t.TenantId == tenantId && t.RealmId == realmId)
            .Select(t => t.AuthenticatorConfigId);
}
