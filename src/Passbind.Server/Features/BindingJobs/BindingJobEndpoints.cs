using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Core.Identifiers;
using Passbind.Core.Links;
using Passbind.Core.Validation;
using Passbind.Server.Features.Identities;
using Passbind.Server.Authorization;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.BindingJobs;

/// <summary>Credential binding jobs: the management side of binding links (Beyond Identity §3.5).</summary>
internal static class BindingJobEndpoints
{
    private const string ResourceType = "CredentialBindingJob";

    /// <summary>Lists may span every identity of the realm with <c>-</c>, as in Beyond Identity's API.</summary>
    private const string AnyIdentity = "-";

    public static RouteGroupBuilder MapBindingJobEndpoints(this RouteGroupBuilder realm)
    {
        var jobs = realm.MapGroup("/identities/{identity_id}/credential-binding-jobs").WithTags("Credential Binding Jobs");
        jobs.MapPost("", CreateAsync).RequiresScope(Scopes.BindingJobsCreate).WithSummary("Create a credential binding job (a passkey binding link)");
        jobs.MapGet("", ListAsync).RequiresScope(Scopes.BindingJobsRead).WithSummary("List credential binding jobs");
        jobs.MapGet("/{job_id}", GetAsync).RequiresScope(Scopes.BindingJobsRead).WithSummary("Get a credential binding job");
        jobs.MapPost("/{job_id}:revoke", RevokeAsync).RequiresScope(Scopes.BindingJobsRevoke).WithSummary("Revoke a credential binding job");
        return realm;
    }

    internal static async Task<Results<Ok<CreateBindingJobResponse>, ApiError>> CreateAsync(
        string tenant_id,
        string realm_id,
        string identity_id,
        JsonBody<BindingJobRequest> body,
        PassbindDbContext db,
        BindingLinks links,
        IBindingEmailQueue emailQueue,
        AppSchemes appSchemes,
        IOptions<BindingLinkOptions> options,
        TimeProvider time,
        ILogger<BindingJobRequest> logger,
        CancellationToken cancellationToken)
    {
        var identity = await db.FindIdentityAsync(tenant_id, realm_id, identity_id, cancellationToken);
        if (identity is null)
        {
            return ApiError.NotFound("Identity", identity_id);
        }

        if (!body.TryGetResource(request => request.Job, "job", out var fields, out var error))
        {
            return error;
        }

        return await CreateForAsync(identity, fields, db, links, emailQueue, appSchemes, options.Value, time, logger, cancellationToken);
    }

    /// <summary>
    /// Validates a job's fields and creates it for <paramref name="identity"/>: the management API's create, and a
    /// sign-in's passkey binding token (docs/sign-in-protocol.md §6), which names its identity itself.
    /// </summary>
    internal static async Task<Results<Ok<CreateBindingJobResponse>, ApiError>> CreateForAsync(
        Identity identity,
        BindingJobFields fields,
        PassbindDbContext db,
        BindingLinks links,
        IBindingEmailQueue emailQueue,
        AppSchemes appSchemes,
        BindingLinkOptions lifetimes,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var violations = new List<FieldViolation>();
        if (fields.DeliveryMethod is not (DeliveryMethods.Return or DeliveryMethods.Email))
        {
            violations.Add(new FieldViolation("job.delivery_method", "must be RETURN or EMAIL"));
        }

        if (fields.AuthenticatorConfig is { ValueKind: not System.Text.Json.JsonValueKind.Null })
        {
            violations.Add(new FieldViolation("job.authenticator_config", "inline authenticator configs are not supported; create one and pass authenticator_config_id"));
        }
        else if (string.IsNullOrEmpty(fields.AuthenticatorConfigId))
        {
            violations.Add(new FieldViolation("job.authenticator_config_id", "required"));
        }

        if (fields.PostBindingRedirectUri is not null && FieldRules.AbsoluteUrl(fields.PostBindingRedirectUri, appSchemes) is { } redirectProblem)
        {
            violations.Add(new FieldViolation("job.post_binding_redirect_uri", redirectProblem));
        }

        if (violations.Count > 0)
        {
            return ApiError.InvalidFields(violations);
        }

        var configExists = await db.AuthenticatorConfigs.AnyAsync(
            c => c.Id == fields.AuthenticatorConfigId && c.TenantId == identity.TenantId && c.RealmId == identity.RealmId, cancellationToken);
        if (!configExists)
        {
            return ApiError.NotFound("AuthenticatorConfig", fields.AuthenticatorConfigId!);
        }

        if (identity.Status != IdentityStatuses.Active)
        {
            return ApiError.Unprocessable("Identity", identity.Id, "Identity is suspended");
        }

        var byEmail = fields.DeliveryMethod == DeliveryMethods.Email;
        if (byEmail && string.IsNullOrEmpty(identity.PrimaryEmailAddress))
        {
            return ApiError.Unprocessable("Identity", identity.Id, "Identity missing email address");
        }

        var now = time.GetUtcNow();
        var token = LinkToken.Create();
        var job = new CredentialBindingJob
        {
            Id = ResourceId.NewHexId(),
            TenantId = identity.TenantId,
            RealmId = identity.RealmId,
            IdentityId = identity.Id,
            DeliveryMethod = fields.DeliveryMethod!,
            State = JobStates.LinkSent,
            PostBindingRedirectUri = fields.PostBindingRedirectUri,
            AuthenticatorConfigId = fields.AuthenticatorConfigId!,
            TokenHash = LinkToken.Hash(token),
            ExpireTime = now + (byEmail ? lifetimes.EmailLifetime : lifetimes.ReturnLifetime),
            CreateTime = now,
            UpdateTime = now,
        };
        db.CredentialBindingJobs.Add(job);
        var link = links.InvokeLink(job, token);
        if (byEmail)
        {
            await emailQueue.EnqueueAsync(db, job, identity, link, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        Log.BindingJobCreated(logger, job.Id, job.DeliveryMethod, identity.Id);
        return TypedResults.Ok(new CreateBindingJobResponse(ToResponse(job, now), byEmail ? null : link));
    }

    internal static async Task<Results<Ok<BindingJobListResponse>, ApiError>> ListAsync(
        string tenant_id, string realm_id, string identity_id, HttpRequest request, PassbindDbContext db, PageTokens pageTokens, TimeProvider time, CancellationToken cancellationToken)
    {
        if (PageRequest.TryRead(request, $"credential-binding-jobs/{tenant_id}/{realm_id}/{identity_id}", PageLimits.Large, pageTokens, out var page) is { } error)
        {
            return error;
        }

        if (identity_id != AnyIdentity && await db.FindIdentityAsync(tenant_id, realm_id, identity_id, cancellationToken) is null)
        {
            return ApiError.NotFound("Identity", identity_id);
        }

        var now = time.GetUtcNow();
        var matches = db.CredentialBindingJobs.Where(j => j.TenantId == tenant_id && j.RealmId == realm_id);
        if (identity_id != AnyIdentity)
        {
            matches = matches.Where(j => j.IdentityId == identity_id);
        }

        if (page.Filter is not null)
        {
            switch (ScimFilter.ParseEquality(page.Filter, ["state", "delivery_method"]))
            {
                case ("delivery_method", var method):
                    matches = matches.Where(j => j.DeliveryMethod == method);
                    break;
                case (_, JobStates.Expired):
                    matches = matches.WhereExpired(now);
                    break;
                case (_, var state) when JobStates.IsUsable(state):
                    matches = matches.Where(j => j.State == state).WhereUsable(now);
                    break;
                case (_, var state):
                    matches = matches.Where(j => j.State == state);
                    break;
                default:
                    return ApiError.InvalidField("filter", "unsupported filter: the supported filters are state eq \"…\" and delivery_method eq \"…\"");
            }
        }

        var found = await matches.ToPageAsync(page, pageTokens, time, cancellationToken);
        return TypedResults.Ok(new BindingJobListResponse(found.Items.Select(j => ToResponse(j, now)).ToList(), found.TotalSize, found.NextPageToken));
    }

    internal static async Task<Results<Ok<BindingJobResponse>, ApiError>> GetAsync(
        string tenant_id, string realm_id, string identity_id, string job_id, PassbindDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var job = await FindAsync(db, tenant_id, realm_id, identity_id, job_id, cancellationToken);
        return job is null ? ApiError.NotFound(ResourceType, job_id) : TypedResults.Ok(ToResponse(job, time.GetUtcNow()));
    }

    /// <summary>Revoking ends a link at once; a completed job cannot be revoked (its passkey is revoked instead).</summary>
    internal static async Task<Results<Ok<BindingJobResponse>, ApiError>> RevokeAsync(
        string tenant_id, string realm_id, string identity_id, string job_id, PassbindDbContext db, TimeProvider time, ILogger<BindingJobRequest> logger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var revoked = await db.CredentialBindingJobs
            .Where(j => j.Id == job_id && j.TenantId == tenant_id && j.RealmId == realm_id && j.IdentityId == identity_id
                && j.State != JobStates.Complete && j.State != JobStates.Revoked)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.State, JobStates.Revoked).SetProperty(j => j.UpdateTime, now), cancellationToken);

        var job = await FindAsync(db, tenant_id, realm_id, identity_id, job_id, cancellationToken);
        if (job is null)
        {
            return ApiError.NotFound(ResourceType, job_id);
        }

        if (job.State == JobStates.Complete)
        {
            return ApiError.Conflict("credential binding job is already complete");
        }

        if (revoked > 0)
        {
            Log.BindingJobRevoked(logger, job.Id);
        }

        return TypedResults.Ok(ToResponse(job, now));
    }

    private static Task<CredentialBindingJob?> FindAsync(PassbindDbContext db, string tenantId, string realmId, string identityId, string jobId, CancellationToken cancellationToken) =>
        db.CredentialBindingJobs.AsNoTracking().FirstOrDefaultAsync(
            j => j.Id == jobId && j.TenantId == tenantId && j.RealmId == realmId && j.IdentityId == identityId, cancellationToken);

    internal static BindingJobResponse ToResponse(CredentialBindingJob job, DateTimeOffset now) => new(
        job.Id, job.RealmId, job.TenantId, job.IdentityId, job.DeliveryMethod, JobStates.Visible(job.State, job.ExpireTime, now),
        job.PostBindingRedirectUri, job.AuthenticatorConfigId, job.ExpireTime, job.CreateTime, job.UpdateTime, job.CredentialId);
}
