using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Core.Identifiers;
using Passbind.Core.Validation;
using Passbind.Server.Authorization;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Identities;

internal static class IdentityEndpoints
{
    private const string ResourceType = "Identity";

    public static RouteGroupBuilder MapIdentityEndpoints(this RouteGroupBuilder realm)
    {
        var identities = realm.MapGroup("/identities").WithTags("Identities");
        identities.MapPost("", CreateAsync).RequiresScope(Scopes.IdentitiesCreate).WithSummary("Create an identity");
        identities.MapGet("", ListAsync).RequiresScope(Scopes.IdentitiesRead).WithSummary("List identities");
        identities.MapGet("/{identity_id}", GetAsync).RequiresScope(Scopes.IdentitiesRead).WithSummary("Get an identity");
        identities.MapPatch("/{identity_id}", UpdateAsync).RequiresScope(Scopes.IdentitiesUpdate).WithSummary("Update an identity");
        identities.MapDelete("/{identity_id}", DeleteAsync).RequiresScope(Scopes.IdentitiesDelete).WithSummary("Delete an identity");
        return realm;
    }

    internal static async Task<Results<Ok<IdentityResponse>, ApiError>> CreateAsync(
        string tenant_id, string realm_id, JsonBody<IdentityRequest> body, PassbindDbContext db, TimeProvider time, ILogger<IdentityRequest> logger, CancellationToken cancellationToken)
    {
        if (!body.TryGetResource(request => request.Identity, "identity", out var fields, out var error))
        {
            return error;
        }

        var violations = new List<FieldViolation>();
        violations.Check("identity.display_name", FieldRules.DisplayName(fields.DisplayName));
        var status = ReadStatus(violations, fields.Status) ?? IdentityStatuses.Active;
        var traits = ReadTraits(violations, fields.Traits, existing: null);
        if (traits is not null && !traits.ContainsKey(Traits.Username))
        {
            violations.Add(new FieldViolation("identity.traits.username", "required"));
        }

        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        var now = time.GetUtcNow();
        var identity = new Identity
        {
            Id = ResourceId.NewHexId(),
            TenantId = tenant_id,
            RealmId = realm_id,
            DisplayName = fields.DisplayName!,
            Status = status,
            Username = (string)traits![Traits.Username]!,
            NormalizedUsername = FieldRules.NormalizeUsername((string)traits[Traits.Username]!),
            PrimaryEmailAddress = (string?)traits[Traits.PrimaryEmailAddress],
            TraitsJson = traits.ToJsonString(),
            UserHandle = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
            CreateTime = now,
            UpdateTime = now,
        };
        db.Identities.Add(identity);
        if (!await SaveAsync(db, cancellationToken))
        {
            return ApiError.Conflict("username already exists");
        }

        Log.IdentityCreated(logger, identity.Id, realm_id);
        return TypedResults.Ok(ToResponse(identity, EnrollmentStatus.Unenrolled));
    }

    internal static async Task<Results<Ok<IdentityListResponse>, ApiError>> ListAsync(
        string tenant_id, string realm_id, HttpRequest request, PassbindDbContext db, PageTokens pageTokens, TimeProvider time, CancellationToken cancellationToken)
    {
        if (PageRequest.TryRead(request, $"identities/{tenant_id}/{realm_id}", PageLimits.Large, pageTokens, out var page) is { } error)
        {
            return error;
        }

        var matches = db.Identities.Where(i => i.TenantId == tenant_id && i.RealmId == realm_id);
        if (page.Filter is not null)
        {
            if (ScimFilter.ParseEquality(page.Filter, ["traits.username", "username"]) is not { } username)
            {
                return ApiError.InvalidField("filter", "unsupported filter: the supported filter is traits.username eq \"name\"");
            }

            var normalized = FieldRules.NormalizeUsername(username.Value);
            matches = matches.Where(i => i.NormalizedUsername == normalized);
        }

        var found = await matches.ToPageAsync(page, pageTokens, time, cancellationToken);
        var enrollment = await EnrollmentStatus.ForAsync(db, found.Items.Select(i => i.Id).ToList(), time.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new IdentityListResponse(
            found.Items.Select(i => ToResponse(i, enrollment[i.Id])).ToList(), found.TotalSize, found.NextPageToken));
    }

    internal static async Task<Results<Ok<IdentityResponse>, ApiError>> GetAsync(
        string tenant_id, string realm_id, string identity_id, PassbindDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var identity = await db.FindIdentityAsync(tenant_id, realm_id, identity_id, cancellationToken);
        return identity is null
            ? ApiError.NotFound(ResourceType, identity_id)
            : TypedResults.Ok(await ToResponseAsync(db, identity, time, cancellationToken));
    }

    internal static async Task<Results<Ok<IdentityResponse>, ApiError>> UpdateAsync(
        string tenant_id, string realm_id, string identity_id, JsonBody<IdentityRequest> body, PassbindDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var identity = await db.FindIdentityAsync(tenant_id, realm_id, identity_id, cancellationToken, tracked: true);
        if (identity is null)
        {
            return ApiError.NotFound(ResourceType, identity_id);
        }

        if (!body.TryGetResource(request => request.Identity, "identity", out var fields, out var error))
        {
            return error;
        }

        var violations = new List<FieldViolation>();
        if (fields.DisplayName is not null)
        {
            violations.Check("identity.display_name", FieldRules.DisplayName(fields.DisplayName));
        }

        var status = ReadStatus(violations, fields.Status);
        var traits = ReadTraits(violations, fields.Traits, JsonNode.Parse(identity.TraitsJson)!.AsObject());
        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        identity.DisplayName = fields.DisplayName ?? identity.DisplayName;
        identity.Status = status ?? identity.Status;
        if (traits is not null)
        {
            identity.Username = (string)traits[Traits.Username]!;
            identity.NormalizedUsername = FieldRules.NormalizeUsername(identity.Username);
            identity.PrimaryEmailAddress = (string?)traits[Traits.PrimaryEmailAddress];
            identity.TraitsJson = traits.ToJsonString();
        }

        identity.UpdateTime = time.GetUtcNow();
        if (!await SaveAsync(db, cancellationToken))
        {
            return ApiError.Conflict("username already exists");
        }

        return TypedResults.Ok(await ToResponseAsync(db, identity, time, cancellationToken));
    }

    internal static async Task<Results<Ok, ApiError>> DeleteAsync(
        string tenant_id, string realm_id, string identity_id, PassbindDbContext db, CancellationToken cancellationToken)
    {
        var deleted = await db.Identities
            .Where(i => i.Id == identity_id && i.TenantId == tenant_id && i.RealmId == realm_id)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? ApiError.NotFound(ResourceType, identity_id) : TypedResults.Ok();
    }

    private static async Task<IdentityResponse> ToResponseAsync(PassbindDbContext db, Identity identity, TimeProvider time, CancellationToken cancellationToken)
    {
        var enrollment = await EnrollmentStatus.ForAsync(db, [identity.Id], time.GetUtcNow(), cancellationToken);
        return ToResponse(identity, enrollment[identity.Id]);
    }

    private static IdentityResponse ToResponse(Identity identity, string enrollmentStatus)
    {
        using var traits = JsonDocument.Parse(identity.TraitsJson);
        return new IdentityResponse(identity.Id, identity.RealmId, identity.TenantId, identity.DisplayName, identity.CreateTime,
            identity.UpdateTime, identity.Status, enrollmentStatus, traits.RootElement.Clone());
    }

    /// <summary>A unique-index violation is a duplicate username; the index decides, so racing creates cannot both win.</summary>
    private static async Task<bool> SaveAsync(PassbindDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (StorageErrors.IsUniqueViolation(exception))
        {
            return false;
        }
    }

    private static string? ReadStatus(List<FieldViolation> violations, string? status)
    {
        if (status is null or IdentityStatuses.Active or IdentityStatuses.Suspended)
        {
            return status;
        }

        violations.Add(new FieldViolation("identity.status", "must be active or suspended"));
        return null;
    }

    /// <summary>
    /// Validates <paramref name="fields"/> and merges them over <paramref name="existing"/> (a patch keeps the
    /// traits it does not name). Unknown keys are dropped; known keys must be strings.
    /// </summary>
    private static JsonObject? ReadTraits(List<FieldViolation> violations, TraitsFields? fields, JsonObject? existing)
    {
        if (fields is null)
        {
            if (existing is null)
            {
                violations.Add(new FieldViolation("identity.traits", "required"));
            }

            return null;
        }

        if (fields.Type != Traits.TypeV0)
        {
            violations.Add(new FieldViolation("identity.traits.type", $"must be {Traits.TypeV0}"));
            return null;
        }

        var merged = existing?.DeepClone().AsObject() ?? new JsonObject { ["type"] = Traits.TypeV0 };
        foreach (var (key, value) in fields.Values ?? [])
        {
            if (!Traits.V0Keys.Contains(key))
            {
                continue;
            }

            var field = $"identity.traits.{key}";
            if (value.ValueKind == JsonValueKind.Null)
            {
                if (key == Traits.Username)
                {
                    violations.Add(new FieldViolation(field, "required"));
                }

                merged.Remove(key);
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                violations.Add(new FieldViolation(field, "must be a string"));
                continue;
            }

            var text = key == Traits.Username ? FieldRules.CanonicalUsername(value.GetString()!) : value.GetString()!;
            var problem = key switch
            {
                Traits.Username => FieldRules.Username(text),
                Traits.PrimaryEmailAddress or "secondary_email_address" => FieldRules.EmailAddress(text),
                _ => FieldRules.Text(text, FieldRules.MaxTraitLength),
            };
            violations.Check(field, problem);
            merged[key] = text;
        }

        return merged;
    }
}
