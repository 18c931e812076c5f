using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passbind.Storage;

namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>
/// A <see cref="ITrustedOriginsSource"/> whose route names a tenant, a realm and one row (a job, a transaction)
/// that leads to an authenticator config: the origins are that config's <c>trusted_origins</c>.
/// </summary>
internal abstract class RouteTrustedOrigins : ITrustedOriginsSource
{
    public abstract string PolicyName { get; }

    /// <summary>The route value that names the row, e.g. <c>job_id</c>.</summary>
    protected abstract string RouteId { get; }

    public async Task<IReadOnlyList<string>?> FindAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var route = context.Request.RouteValues;
        if (route[RouteId] is not string id || route["tenant_id"] is not string tenantId || route["realm_id"] is not string realmId)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<PassbindDbContext>();
        var origins = await ConfigIds(db, tenantId, realmId, id)
            .Join(db.AuthenticatorConfigs, configId => configId, c => c.Id, (_, c) => c.TrustedOriginsJson)
            .FirstOrDefaultAsync(cancellationToken);
        return origins is null ? null : JsonSerializer.Deserialize<string[]>(origins);
    }

    /// <summary>The authenticator config id of the row the route names, in its tenant and realm.</summary>
    protected abstract IQueryable<string> ConfigIds(PassbindDbContext db, string tenantId, string realmId, string id);
}
