using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Core.Identifiers;
using Passbind.Core.Validation;
using Passbind.Server.Authorization;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.AuthenticatorConfigs;

internal static class AuthenticatorConfigEndpoints
{
    private const string ResourceType = "AuthenticatorConfig";
    private const string ConfigField = "authenticator_config.config";

    public static RouteGroupBuilder MapAuthenticatorConfigEndpoints(this RouteGroupBuilder realm)
    {
        var configs = realm.MapGroup("/authenticator-configs").WithTags("Authenticator configs");
        configs.MapPost("", CreateAsync).RequiresScope(Scopes.AuthenticatorConfigsCreate).WithSummary("Create an authenticator config");
        configs.MapGet("", ListAsync).RequiresScope(Scopes.AuthenticatorConfigsRead).WithSummary("List authenticator configs");
        configs.MapGet("/{authenticator_config_id}", GetAsync).RequiresScope(Scopes.AuthenticatorConfigsRead).WithSummary("Get an authenticator config");
        configs.MapPatch("/{authenticator_config_id}", UpdateAsync).RequiresScope(Scopes.AuthenticatorConfigsUpdate).WithSummary("Update an authenticator config");
        configs.MapDelete("/{authenticator_config_id}", DeleteAsync).RequiresScope(Scopes.AuthenticatorConfigsDelete).WithSummary("Delete an authenticator config");
        return realm;
    }

    internal static async Task<Results<Ok<AuthenticatorConfigResponse>, ApiError>> CreateAsync(
        string tenant_id, string realm_id, JsonBody<AuthenticatorConfigRequest> body, PassbindDbContext db, AppSchemes appSchemes, RelyingParties relyingParties, TimeProvider time, ILogger<AuthenticatorConfigRequest> logger, CancellationToken cancellationToken)
    {
        if (!body.TryGetResource(request => request.AuthenticatorConfig, "authenticator_config", out var fields, out var error))
        {
            return error;
        }

        var violations = new List<FieldViolation>();
        violations.Check("authenticator_config.display_name", FieldRules.DisplayName(fields.DisplayName));
        var settings = AuthenticatorConfigRules.Create(fields.Config, ConfigField, violations, appSchemes);
        if (settings is not null)
        {
            relyingParties.Check(settings, ConfigField, violations);
        }

        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        var now = time.GetUtcNow();
        var config = new AuthenticatorConfig
        {
            Id = ResourceId.NewUuid(),
            TenantId = tenant_id,
            RealmId = realm_id,
            DisplayName = fields.DisplayName!,
            Type = settings!.Type,
            TrustedOriginsJson = "[]",
            AuthenticationMethodsJson = "[]",
            CreateTime = now,
            UpdateTime = now,
        };
        Store(config, settings);
        db.AuthenticatorConfigs.Add(config);
        await db.SaveChangesAsync(cancellationToken);
        Log.AuthenticatorConfigCreated(logger, config.Id, config.Type, realm_id);
        return TypedResults.Ok(ToResponse(config));
    }

    internal static async Task<Results<Ok<AuthenticatorConfigListResponse>, ApiError>> ListAsync(
        string tenant_id, string realm_id, HttpRequest request, PassbindDbContext db, PageTokens pageTokens, TimeProvider time, CancellationToken cancellationToken)
    {
        if (PageRequest.TryRead(request, $"authenticator-configs/{tenant_id}/{realm_id}", PageLimits.Small, pageTokens, out var page) is { } error)
        {
            return error;
        }

        // The spec offers a filter here but documents no attribute, so none is supported.
        if (page.Filter is not null)
        {
            return ApiError.InvalidField("filter", "authenticator configs cannot be filtered");
        }

        var found = await db.AuthenticatorConfigs
            .Where(c => c.TenantId == tenant_id && c.RealmId == realm_id)
            .ToPageAsync(page, pageTokens, time, cancellationToken);
        return TypedResults.Ok(new AuthenticatorConfigListResponse(
            found.Items.Select(ToResponse).ToList(), found.TotalSize, found.NextPageToken));
    }

    internal static async Task<Results<Ok<AuthenticatorConfigResponse>, ApiError>> GetAsync(
        string tenant_id, string realm_id, string authenticator_config_id, PassbindDbContext db, CancellationToken cancellationToken)
    {
        var config = await FindAsync(db, tenant_id, realm_id, authenticator_config_id, cancellationToken);
        return config is null ? ApiError.NotFound(ResourceType, authenticator_config_id) : TypedResults.Ok(ToResponse(config));
    }

    internal static async Task<Results<Ok<AuthenticatorConfigResponse>, ApiError>> UpdateAsync(
        string tenant_id, string realm_id, string authenticator_config_id, JsonBody<AuthenticatorConfigRequest> body, PassbindDbContext db, AppSchemes appSchemes, RelyingParties relyingParties, TimeProvider time, CancellationToken cancellationToken)
    {
        var config = await FindAsync(db, tenant_id, realm_id, authenticator_config_id, cancellationToken, tracked: true);
        if (config is null)
        {
            return ApiError.NotFound(ResourceType, authenticator_config_id);
        }

        if (!body.TryGetResource(request => request.AuthenticatorConfig, "authenticator_config", out var fields, out var error))
        {
            return error;
        }

        var violations = new List<FieldViolation>();
        if (fields.DisplayName is not null)
        {
            violations.Check("authenticator_config.display_name", FieldRules.DisplayName(fields.DisplayName));
        }

        var settings = fields.Config is null
            ? null
            : AuthenticatorConfigRules.Merge(ToSettings(config), fields.Config, ConfigField, violations, appSchemes);
        if (settings is not null)
        {
            relyingParties.Check(settings, ConfigField, violations);
        }

        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        config.DisplayName = fields.DisplayName ?? config.DisplayName;
        if (settings is not null)
        {
            Store(config, settings);
        }

        config.UpdateTime = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(config));
    }

    /// <remarks>
    /// Links already issued with this config stop working, as a revoke would make them: the ceremony finds
    /// no config and refuses.
    /// </remarks>
    internal static async Task<Results<Ok, ApiError>> DeleteAsync(
        string tenant_id, string realm_id, string authenticator_config_id, PassbindDbContext db, ILogger<AuthenticatorConfigRequest> logger, CancellationToken cancellationToken)
    {
        var deleted = await db.AuthenticatorConfigs
            .Where(c => c.Id == authenticator_config_id && c.TenantId == tenant_id && c.RealmId == realm_id)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return ApiError.NotFound(ResourceType, authenticator_config_id);
        }

        Log.AuthenticatorConfigDeleted(logger, authenticator_config_id, realm_id);
        return TypedResults.Ok();
    }

    internal static Task<AuthenticatorConfig?> FindAsync(
        PassbindDbContext db, string tenantId, string realmId, string authenticatorConfigId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.AuthenticatorConfigs.Where(c => c.Id == authenticatorConfigId && c.TenantId == tenantId && c.RealmId == realmId);
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Reads the stored row back into settings; the arrays are JSON arrays of strings.</summary>
    internal static AuthenticatorConfigSettings ToSettings(AuthenticatorConfig config) =>
        new(config.Type,
            config.InvokeUrl,
            config.InvocationType,
            JsonSerializer.Deserialize<string[]>(config.TrustedOriginsJson) ?? [],
            JsonSerializer.Deserialize<string[]>(config.AuthenticationMethodsJson) ?? [],
            config.RpId);

    private static void Store(AuthenticatorConfig config, AuthenticatorConfigSettings settings)
    {
        config.InvokeUrl = settings.InvokeUrl;
        config.InvocationType = settings.InvocationType;
        config.TrustedOriginsJson = JsonSerializer.Serialize(settings.TrustedOrigins);
        config.AuthenticationMethodsJson = JsonSerializer.Serialize(settings.AuthenticationMethods);
        config.RpId = settings.RpId;
    }

    private static AuthenticatorConfigResponse ToResponse(AuthenticatorConfig config)
    {
        var settings = ToSettings(config);
        return new AuthenticatorConfigResponse(config.Id, config.RealmId, config.TenantId, config.DisplayName,
            new ConfigResponse(settings.Type, settings.InvokeUrl, settings.InvocationType, settings.TrustedOrigins,
                settings.AuthenticationMethods.Select(m => new AuthenticationMethodResponse(m)).ToList(), settings.RpId));
    }
}
