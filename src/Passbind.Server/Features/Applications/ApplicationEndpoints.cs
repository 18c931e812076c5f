using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Core.Identifiers;
using Passbind.Core.Validation;
using Passbind.Server.Authorization;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Applications;

/// <summary>
/// The applications of a realm (beyond-identity-api.md §3.7): OAuth 2.0 and OpenID Connect clients. The
/// client secret is answered once, by the create or <c>:rotateSecret</c> that made it, and stored only as a
/// hash. Deleting an application, or rotating its secret, ends the tokens it had issued.
/// </summary>
internal static class ApplicationEndpoints
{
    private const string ResourceType = "Application";

    public static RouteGroupBuilder MapApplicationEndpoints(this RouteGroupBuilder realm)
    {
        var applications = realm.MapGroup("/applications").WithTags("Applications");
        applications.MapPost("", CreateAsync).RequiresScope(Scopes.ApplicationsCreate).WithSummary("Create an application");
        applications.MapGet("", ListAsync).RequiresScope(Scopes.ApplicationsRead).WithSummary("List applications");
        applications.MapGet("/{application_id}", GetAsync).RequiresScope(Scopes.ApplicationsRead).WithSummary("Get an application");
        applications.MapPatch("/{application_id}", UpdateAsync).RequiresScope(Scopes.ApplicationsUpdate).WithSummary("Update an application");
        applications.MapDelete("/{application_id}", DeleteAsync).RequiresScope(Scopes.ApplicationsDelete).WithSummary("Delete an application and end its tokens");
        applications.MapPost("/{application_id}:rotateSecret", RotateSecretAsync).RequiresScope(Scopes.ApplicationsUpdate)
            .WithSummary("Replace the client secret; the previous one works for a grace period, and tokens issued before end");
        return realm;
    }

    internal static async Task<Results<Ok<ApplicationResponse>, ApiError>> CreateAsync(
        string tenant_id, string realm_id, JsonBody<ApplicationRequest> body, HttpContext http, PassbindDbContext db, TimeProvider time,
        ILogger<ApplicationRequest> logger, CancellationToken cancellationToken)
    {
        if (!body.TryGetResource(request => request.Application, "application", out var fields, out var error))
        {
            return error;
        }

        var violations = new List<FieldViolation>();
        violations.Check("application.display_name", FieldRules.DisplayName(fields.DisplayName));
        var settings = ApplicationRules.Create(fields.ProtocolConfig, fields.AuthenticatorConfigId, CallerScopes(http), violations);
        await CheckAuthenticatorConfigAsync(db, tenant_id, realm_id, fields.AuthenticatorConfigId, violations, cancellationToken);
        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        var now = time.GetUtcNow();
        var isPublic = settings!.Confidentiality == ApplicationValues.Public;
        var secret = isPublic ? null : ClientSecrets.NewSecret();
        var application = new Application
        {
            Id = ResourceId.NewUuid(),
            TenantId = tenant_id,
            RealmId = realm_id,
            DisplayName = fields.DisplayName!,
            ClientId = ClientSecrets.NewClientId(),
            ClientSecretHash = secret is null ? null : ClientSecrets.Hash(secret),
            TokenRealm = realm_id,
            ProtocolType = settings.Type,
            Confidentiality = settings.Confidentiality,
            TokenEndpointAuthMethod = settings.TokenEndpointAuthMethod,
            GrantTypesJson = "[]",
            RedirectUrisJson = "[]",
            Pkce = settings.Pkce,
            SubjectField = settings.SubjectField,
            TokenSigningAlgorithm = settings.TokenSigningAlgorithm,
            TokenFormat = settings.TokenFormat,
            AllowedScopes = string.Empty,
            CreateTime = now,
            UpdateTime = now,
        };
        settings.StoreIn(application);
        db.Applications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        TokenLog.ApplicationCreated(logger, application.Id, realm_id);
        return TypedResults.Ok(ToResponse(application, secret));
    }

    internal static async Task<Results<Ok<ApplicationListResponse>, ApiError>> ListAsync(
        string tenant_id, string realm_id, HttpRequest request, PassbindDbContext db, PageTokens pageTokens, TimeProvider time, CancellationToken cancellationToken)
    {
        if (PageRequest.TryRead(request, $"applications/{tenant_id}/{realm_id}", PageLimits.Small, pageTokens, out var page) is { } error)
        {
            return error;
        }

        if (page.Filter is not null)
        {
            return ApiError.InvalidField("filter", "applications cannot be filtered");
        }

        var found = await db.Applications
            .Where(a => a.TenantId == tenant_id && a.RealmId == realm_id)
            .ToPageAsync(page, pageTokens, time, cancellationToken);
        return TypedResults.Ok(new ApplicationListResponse(found.Items.Select(a => ToResponse(a, null)).ToList(), found.TotalSize, found.NextPageToken));
    }

    internal static async Task<Results<Ok<ApplicationResponse>, ApiError>> GetAsync(
        string tenant_id, string realm_id, string application_id, PassbindDbContext db, CancellationToken cancellationToken)
    {
        var application = await FindAsync(db, tenant_id, realm_id, application_id, cancellationToken);
        return application is null ? ApiError.NotFound(ResourceType, application_id) : TypedResults.Ok(ToResponse(application, null));
    }

    internal static async Task<Results<Ok<ApplicationResponse>, ApiError>> UpdateAsync(
        string tenant_id, string realm_id, string application_id, JsonBody<ApplicationRequest> body, HttpContext http, PassbindDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var application = await FindAsync(db, tenant_id, realm_id, application_id, cancellationToken, tracked: true);
        if (application is null)
        {
            return ApiError.NotFound(ResourceType, application_id);
        }

        if (!body.TryGetResource(request => request.Application, "application", out var fields, out var error))
        {
            return error;
        }

        var violations = new List<FieldViolation>();
        if (fields.DisplayName is not null)
        {
            violations.Check("application.display_name", FieldRules.DisplayName(fields.DisplayName));
        }

        if (application.IsManaged)
        {
            ApplicationRules.CheckManagedPatch(fields, violations);
        }

        var settings = ApplicationRules.Merge(ApplicationSettings.Of(application), fields.ProtocolConfig, fields.AuthenticatorConfigId, CallerScopes(http), violations);
        await CheckAuthenticatorConfigAsync(db, tenant_id, realm_id, fields.AuthenticatorConfigId, violations, cancellationToken);
        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        application.DisplayName = fields.DisplayName ?? application.DisplayName;
        settings!.StoreIn(application);
        application.UpdateTime = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(application, null));
    }

    /// <remarks>
    /// Its issued-token records, codes and sign-in transactions go with it, so every token it issued stops
    /// at once on this node and within <see cref="TokenOptions.RevocationCheckInterval"/> on the others.
    /// </remarks>
    internal static async Task<Results<Ok, ApiError>> DeleteAsync(
        string tenant_id, string realm_id, string application_id, PassbindDbContext db, ActiveTokens activeTokens,
        ILogger<ApplicationRequest> logger, CancellationToken cancellationToken)
    {
        var application = await FindAsync(db, tenant_id, realm_id, application_id, cancellationToken);
        if (application is null)
        {
            return ApiError.NotFound(ResourceType, application_id);
        }

        if (application.IsManaged)
        {
            return ApiError.Unprocessable(ResourceType, application_id, "a managed application cannot be deleted");
        }

        await db.Applications.Where(a => a.Id == application_id && !a.IsManaged).ExecuteDeleteAsync(cancellationToken);
        activeTokens.Forget();
        TokenLog.ApplicationDeleted(logger, application_id, realm_id);
        return TypedResults.Ok();
    }

    internal static async Task<Results<Ok<ApplicationResponse>, ApiError>> RotateSecretAsync(
        string tenant_id, string realm_id, string application_id, HttpRequest request, PassbindDbContext db, ActiveTokens activeTokens,
        IOptions<TokenOptions> options, TimeProvider time, ILogger<ApplicationRequest> logger, CancellationToken cancellationToken)
    {
        var application = await FindAsync(db, tenant_id, realm_id, application_id, cancellationToken, tracked: true);
        if (application is null)
        {
            return ApiError.NotFound(ResourceType, application_id);
        }

        var grace = options.Value.SecretRotationGracePeriod;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = await JsonBody<RotateSecretRequest>.BindAsync(request.HttpContext);
            if (body!.Error is { } error)
            {
                return error;
            }

            if (body.Value!.GracePeriod is { } seconds)
            {
                if (seconds < 0 || seconds > grace.TotalSeconds)
                {
                    return ApiError.InvalidField("grace_period", $"must be from 0 to {(long)grace.TotalSeconds} seconds");
                }

                grace = TimeSpan.FromSeconds(seconds);
            }
        }

        if (application.Confidentiality == ApplicationValues.Public)
        {
            return ApiError.Unprocessable(ResourceType, application_id, "a public client has no secret");
        }

        var now = time.GetUtcNow();
        var secret = ClientSecrets.NewSecret();
        application.PreviousClientSecretHash = grace > TimeSpan.Zero ? application.ClientSecretHash : null;
        application.PreviousClientSecretExpireTime = grace > TimeSpan.Zero ? now + grace : null;
        application.ClientSecretHash = ClientSecrets.Hash(secret);
        application.TokensValidAfter = now;
        application.UpdateTime = now;
        await db.SaveChangesAsync(cancellationToken);
        activeTokens.Forget();
        TokenLog.SecretRotated(logger, application_id, now + grace);
        return TypedResults.Ok(ToResponse(application, secret));
    }

    internal static Task<Application?> FindAsync(
        PassbindDbContext db, string tenantId, string realmId, string applicationId, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Applications.Where(a => a.Id == applicationId && a.TenantId == tenantId && a.RealmId == realmId);
        return (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
    }

    private static IReadOnlySet<string> CallerScopes(HttpContext http) =>
        http.Features.Get<ManagementPrincipal>()?.Scopes ?? new HashSet<string>();

    private static async Task CheckAuthenticatorConfigAsync(
        PassbindDbContext db, string tenantId, string realmId, string? authenticatorConfigId, List<FieldViolation> violations, CancellationToken cancellationToken)
    {
        if (authenticatorConfigId is null)
        {
            return;
        }

        var exists = await db.AuthenticatorConfigs.AnyAsync(
            c => c.Id == authenticatorConfigId && c.TenantId == tenantId && c.RealmId == realmId, cancellationToken);
        if (!exists)
        {
            violations.Add(new FieldViolation("application.authenticator_config_id", "no such authenticator config in this realm"));
        }
    }

    private static ApplicationResponse ToResponse(Application application, string? clientSecret)
    {
        var settings = ApplicationSettings.Of(application);
        return new ApplicationResponse(
            application.Id, application.RealmId, application.TenantId, application.DisplayName, application.IsManaged,
            application.Classification, application.AuthenticatorConfigId,
            new ProtocolConfigResponse(
                settings.Type, settings.AllowedScopes, application.ClientId, clientSecret, settings.Confidentiality,
                settings.TokenEndpointAuthMethod, settings.GrantTypes, settings.RedirectUris,
                new TokenConfigurationResponse(settings.SubjectField, settings.ExpiresAfter, settings.TokenSigningAlgorithm),
                settings.Pkce, settings.TokenFormat));
    }
}
