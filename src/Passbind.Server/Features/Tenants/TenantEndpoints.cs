using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Core.Validation;
using Passbind.Server.Authorization;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tenants;

/// <summary>The tenant itself: read and rename. Tenants are made by the bootstrap, never through the API.</summary>
internal static class TenantEndpoints
{
    private const string ResourceType = "Tenant";

    public static RouteGroupBuilder MapTenantEndpoints(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("", GetAsync).RequiresScope(Scopes.TenantsRead).WithTags("Tenants").WithSummary("Get the tenant");
        tenant.MapPatch("", UpdateAsync).RequiresScope(Scopes.TenantsUpdate).RequiresTenantWideToken().WithTags("Tenants").WithSummary("Update the tenant");
        return tenant;
    }

    internal static async Task<Results<Ok<TenantResponse>, ApiError>> GetAsync(
        string tenant_id, PassbindDbContext db, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenant_id, cancellationToken);
        return tenant is null ? ApiError.NotFound(ResourceType, tenant_id) : TypedResults.Ok(ToResponse(tenant));
    }

    internal static async Task<Results<Ok<TenantResponse>, ApiError>> UpdateAsync(
        string tenant_id, JsonBody<TenantRequest> body, PassbindDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenant_id, cancellationToken);
        if (tenant is null)
        {
            return ApiError.NotFound(ResourceType, tenant_id);
        }

        if (!body.TryGetResource(request => request.Tenant, "tenant", out var fields, out var error))
        {
            return error;
        }

        if (fields.DisplayName is not null)
        {
            if (FieldRules.DisplayName(fields.DisplayName) is { } problem)
            {
                return ApiError.InvalidField("tenant.display_name", problem);
            }

            tenant.DisplayName = fields.DisplayName;
            tenant.UpdateTime = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ToResponse(tenant));
    }

    private static TenantResponse ToResponse(Tenant tenant) =>
        new(tenant.Id, tenant.DisplayName, tenant.CreateTime, tenant.UpdateTime);
}
