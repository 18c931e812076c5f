using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Core.Identifiers;
using Passbind.Core.Validation;
using Passbind.Server.Features.Themes;
using Passbind.Server.Authorization;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Realms;

/// <summary>
/// The realms of a tenant. A token bound to one realm (<c>bi_r</c> not <c>*</c>) sees only that realm: the
/// list holds only it, and every other realm answers 404 (the management access filter checks the path's
/// realm before any handler runs).
/// </summary>
internal static class RealmEndpoints
{
    private const string ResourceType = "Realm";

    public static RouteGroupBuilder MapRealmEndpoints(this RouteGroupBuilder tenant)
    {
        var realms = tenant.MapGroup("/realms").WithTags("Realms");
        realms.MapPost("", CreateAsync).RequiresScope(Scopes.RealmsCreate).RequiresTenantWideToken().WithSummary("Create a realm");
        realms.MapGet("", ListAsync).RequiresScope(Scopes.RealmsRead).WithSummary("List realms");
        realms.MapGet("/{realm_id}", GetAsync).RequiresScope(Scopes.RealmsRead).WithSummary("Get a realm");
        realms.MapPatch("/{realm_id}", UpdateAsync).RequiresScope(Scopes.RealmsUpdate).WithSummary("Update a realm");
        realms.MapDelete("/{realm_id}", DeleteAsync).RequiresScope(Scopes.RealmsDelete).RequiresTenantWideToken().WithSummary("Delete a realm");
        return tenant;
    }

    internal static async Task<Results<Ok<RealmResponse>, ApiError>> CreateAsync(
        string tenant_id, JsonBody<RealmRequest> body, PassbindDbContext db, TimeProvider time, ILogger<RealmRequest> logger, CancellationToken cancellationToken)
    {
        if (!body.TryGetResource(request => request.Realm, "realm", out var fields, out var error))
        {
            return error;
        }

        var violations = new List<FieldViolation>();
        violations.Check("realm.display_name", FieldRules.DisplayName(fields.DisplayName));
        violations.Check("realm.classification", ClassificationProblem(fields.Classification));
        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        var now = time.GetUtcNow();
        var realm = new Realm
        {
            Id = ResourceId.NewHexId(),
            TenantId = tenant_id,
            DisplayName = fields.DisplayName!,
            Classification = fields.Classification,
            CreateTime = now,
            UpdateTime = now,
        };

        // The realm and its theme are saved together, so a realm never exists without its active theme.
        db.AddRange(realm, ThemeEndpoints.NewDefault(tenant_id, realm.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        Log.RealmCreated(logger, realm.Id, tenant_id);
        return TypedResults.Ok(ToResponse(realm));
    }

    internal static async Task<Results<Ok<RealmListResponse>, ApiError>> ListAsync(
        string tenant_id, HttpRequest request, PassbindDbContext db, PageTokens pageTokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var principal = request.HttpContext.Features.Get<ManagementPrincipal>()!;
        if (PageRequest.TryRead(request, $"realms/{tenant_id}/{principal.Realm}", PageLimits.Large, pageTokens, out var page) is { } error)
        {
            return error;
        }

        if (page.Filter is not null)
        {
            return ApiError.InvalidField("filter", "realms cannot be filtered");
        }

        var matches = db.Realms.Where(r => r.TenantId == tenant_id);
        if (principal.Realm != ManagementPrincipal.AllRealms)
        {
            matches = matches.Where(r => r.Id == principal.Realm);
        }

        var found = await matches.ToPageAsync(page, pageTokens, time, cancellationToken);
        return TypedResults.Ok(new RealmListResponse(found.Items.Select(ToResponse).ToList(), found.TotalSize, found.NextPageToken));
    }

    internal static async Task<Results<Ok<RealmResponse>, ApiError>> GetAsync(
        string tenant_id, string realm_id, PassbindDbContext db, CancellationToken cancellationToken)
    {
        var realm = await FindAsync(db, tenant_id, realm_id, cancellationToken);
        return realm is null ? ApiError.NotFound(ResourceType, realm_id) : TypedResults.Ok(ToResponse(realm));
    }

    internal static async Task<Results<Ok<RealmResponse>, ApiError>> UpdateAsync(
        string tenant_id, string realm_id, JsonBody<RealmRequest> body, PassbindDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var realm = await FindAsync(db, tenant_id, realm_id, cancellationToken, tracked: true);
        if (realm is null)
        {
            return ApiError.NotFound(ResourceType, realm_id);
        }

        if (!body.TryGetResource(request => request.Realm, "realm", out var fields, out var error))
        {
            return error;
        }

        var violations = new List<FieldViolation>();
        if (fields.DisplayName is not null)
        {
            violations.Check("realm.display_name", FieldRules.DisplayName(fields.DisplayName));
        }

        violations.Check("realm.classification", ClassificationProblem(fields.Classification));
        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        realm.DisplayName = fields.DisplayName ?? realm.DisplayName;
        realm.Classification = fields.Classification ?? realm.Classification;
        realm.UpdateTime = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(realm));
    }

    internal static async Task<Results<Ok, ApiError>> DeleteAsync(
        string tenant_id, string realm_id, PassbindDbContext db, ILogger<RealmRequest> logger, CancellationToken cancellationToken)
    {
        var realm = await FindAsync(db, tenant_id, realm_id, cancellationToken, tracked: true);
        if (realm is null)
        {
            return ApiError.NotFound(ResourceType, realm_id);
        }

        if (await HasChildrenAsync(db, tenant_id, realm_id, cancellationToken))
        {
            return ApiError.Conflict("realm has children");
        }

        // The theme goes with the realm (ON DELETE CASCADE). A child made between the check and the delete
        // trips the children's restricting foreign keys, and gets the same 409.
        db.Realms.Remove(realm);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (StorageErrors.IsForeignKeyViolation(exception))
        {
            return ApiError.Conflict("realm has children");
        }

        Log.RealmDeleted(logger, realm_id, tenant_id);
        return TypedResults.Ok();
    }

    private static async Task<bool> HasChildrenAsync(PassbindDbContext db, string tenantId, string realmId, CancellationToken cancellationToken) =>
        await db.Identities.AnyAsync(i => i.TenantId == tenantId && i.RealmId == realmId, cancellationToken)
        || await db.AuthenticatorConfigs.AnyAsync(c => c.TenantId == tenantId && c.RealmId == realmId, cancellationToken)
        || await db.Applications.AnyAsync(a => a.TenantId == tenantId && a.RealmId == realmId, cancellationToken);

    private static Task<Realm?> FindAsync(PassbindDbContext db, string tenantId, string realmId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Realms.Where(r => r.Id == realmId && r.TenantId == tenantId);
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Optional; when sent, one of the two values (the spec's "SECURE_WORFORCE" typo is not accepted).</summary>
    private static string? ClassificationProblem(string? classification) =>
        classification is null or "SECURE_CUSTOMER" or "SECURE_WORKFORCE" ? null : "must be SECURE_CUSTOMER or SECURE_WORKFORCE";

    private static RealmResponse ToResponse(Realm realm) =>
        new(realm.Id, realm.TenantId, realm.DisplayName, realm.Classification, realm.CreateTime, realm.UpdateTime);
}
