using Microsoft.EntityFrameworkCore;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Authorization;

/// <summary>
/// Guards every management route: the token's tenant and realm must cover the path's, or the answer is the
/// same 404 a missing tenant or realm gets (another tenant's ids are indistinguishable from random ones);
/// then the endpoint's scope must be granted, or 403.
/// </summary>
internal static class ManagementAccess
{
    /// <summary>Marks an endpoint with the scope its caller must hold.</summary>
    public static TBuilder RequiresScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));

    /// <summary>
    /// Marks a tenant-level write (the tenant itself, its set of realms): a token bound to one realm may not make
    /// it, whatever its scopes, or a realm's own application could reach above its realm.
    /// </summary>
    public static TBuilder RequiresTenantWideToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TenantWide());

    /// <summary>Applies the tenant, realm and scope checks to every endpoint of <paramref name="group"/>.</summary>
    public static RouteGroupBuilder WithManagementAccess(this RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.AddEndpointFilter(CheckAsync);
        return group;
    }

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var principal = http.Features.Get<ManagementPrincipal>();
        if (principal is null)
        {
            return ApiError.Unauthorized();
        }

        var tenantId = http.GetRouteValue("tenant_id") as string;
        if (tenantId != principal.TenantId)
        {
            return ApiError.NotFound("Tenant", tenantId ?? string.Empty);
        }

        if (http.GetRouteValue("realm_id") is string realmId)
        {
            var db = http.RequestServices.GetRequiredService<PassbindDbContext>();
            var realmExists = principal.CoversRealm(realmId)
                && await db.Realms.AnyAsync(r => r.Id == realmId && r.TenantId == tenantId, http.RequestAborted);
            if (!realmExists)
            {
                return ApiError.NotFound("Realm", realmId);
            }
        }

        var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>();
        if (required is null || !principal.Scopes.Contains(required.Scope))
        {
            return ApiError.Forbidden();
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<TenantWide>() is not null && principal.Realm != ManagementPrincipal.AllRealms)
        {
            return ApiError.Forbidden();
        }

        return await next(context);
    }

    private sealed record RequiredScope(string Scope);

    private sealed record TenantWide;
}
