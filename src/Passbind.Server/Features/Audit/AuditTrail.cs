using Microsoft.EntityFrameworkCore;
using Passbind.Server.Authorization;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Audit;

/// <summary>
/// The audit trail of management writes and binding ceremonies (docs/security.md, "Audit events"). An endpoint
/// filter names the event a request may write; the event commits with the request's change
/// (<see cref="AuditInterceptor"/>), or, for a change made without a tracked save (a delete, a revoke) and for a
/// refused ceremony, right after it.
/// </summary>
internal static class AuditTrail
{
    public const string CredentialBound = "credential.bound";
    public const string RegistrationFailed = "registration.failed";
    public const string TokenIssued = "token.issued";
    public const string TokenRefused = "token.refused";
    public const string TokenRevoked = "token.revoked";
    public const string SignedIn = "sign_in.succeeded";
    public const string SignInFailed = "sign_in.failed";
    public const string OneTimeCodeRequested = "one_time_code.requested";
    public const string EmailSent = "email.sent";
    public const string EmailFailed = "email.failed";
    public const string EmailNotSent = "email.not_sent";

    private const string CompleteRegistration = ":completeRegistration";
    private const string TransactionNotFound = "transaction_not_found";

    private static readonly Dictionary<Type, string> Resources = new()
    {
        [typeof(Tenant)] = "tenant",
        [typeof(Realm)] = "realm",
        [typeof(Identity)] = "identity",
        [typeof(Credential)] = "credential",
        [typeof(CredentialBindingJob)] = "credential_binding_job",
        [typeof(AuthenticatorConfig)] = "authenticator_config",
        [typeof(Theme)] = "theme",
        [typeof(Application)] = "application",
    };

    private static readonly Dictionary<string, string> Collections = new(StringComparer.Ordinal)
    {
        ["tenants"] = "tenant",
        ["realms"] = "realm",
        ["identities"] = "identity",
        ["credentials"] = "credential",
        ["credential-binding-jobs"] = "credential_binding_job",
        ["authenticator-configs"] = "authenticator_config",
        ["themes"] = "theme",
        ["applications"] = "application",
    };

    public static string? ResourceName(Type entity) => Resources.GetValueOrDefault(entity);

    /// <summary>Audits every write of the group's endpoints (GET and HEAD are reads, and are not).</summary>
    public static RouteGroupBuilder WithAuditTrail(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(AuditWriteAsync);
        return group;
    }

    /// <summary>Audits the outcome of each binding ceremony completion, success or refusal.</summary>
    public static RouteGroupBuilder WithCeremonyAudit(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(AuditCompletionAsync);
        return group;
    }

    /// <summary>
    /// Audits the outcome of each sign-in completion (a passkey's, or a one-time code's) and each code asked for:
    /// <c>sign_in.succeeded</c> with the identity, <c>sign_in.failed</c> with the check that failed, and
    /// <c>one_time_code.requested</c>, each with the transaction's application.
    /// </summary>
    public static RouteGroupBuilder WithSignInAudit(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(AuditSignInAsync);
        return group;
    }

    public static AuditEvent Event(
        PendingAudit pending, string type, string outcome, string? reason, string? resourceType, string? resourceId, string? identityId, DateTimeOffset now) => new()
    {
        TenantId = pending.TenantId,
        RealmId = pending.RealmId,
        Time = now,
        Type = type,
        Outcome = outcome,
        Reason = reason,
        ApplicationId = pending.ApplicationId,
        IdentityId = identityId,
        ResourceType = resourceType,
        ResourceId = resourceId,
        ClientAddress = pending.ClientAddress,
        UserAgent = pending.UserAgent,
    };

    /// <summary>What a request's event says about who and where, from its route, token and connection.</summary>
    public static PendingAudit Pending(HttpContext http, string resource, string? type, string? applicationId = null)
    {
        var userAgent = http.Request.Headers.UserAgent.ToString();
        return new PendingAudit(
            resource,
            type,
            http.GetRouteValue("tenant_id") as string ?? string.Empty,
            http.GetRouteValue("realm_id") as string,
            applicationId ?? http.Features.Get<ManagementPrincipal>()?.ApplicationId ?? http.GetRouteValue("application_id") as string,
            SecurityEventLog.ClientAddress(http),
            userAgent.Length == 0 ? null : userAgent[..Math.Min(userAgent.Length, 256)]);
    }

    /// <summary>
    /// Audits the endpoints that authenticate a client by its secret: <c>token.issued</c> at a token endpoint,
    /// <c>token.revoked</c> at a revocation endpoint, and <c>token.refused</c> with the reason its status stands for
    /// at any of them (a wrong secret at introspection included). A 429 writes nothing: the limit that refused it was
    /// reached by refusals already written, and a caller held at a limit must not be able to grow the trail. These
    /// answers have no change of their own to ride on, so an event commits alone.
    /// </summary>
    public static IApplicationBuilder UseTokenAudit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (!RateLimits.RateLimitMiddleware.AuthenticatesClients(endpoint))
        {
            await next(context);
            return;
        }

        await next(context);
        var status = context.Response.StatusCode;
        var succeeded = status is >= 200 and < 300;
        var type = status switch
        {
            StatusCodes.Status429TooManyRequests => null,
            StatusCodes.Status401Unauthorized => TokenRefused,
            _ when RateLimits.RateLimitMiddleware.IsTokenEndpoint(endpoint) => succeeded ? TokenIssued : TokenRefused,
            _ when RateLimits.RateLimitMiddleware.IsRevocationEndpoint(endpoint) && succeeded => TokenRevoked,
            _ => null,
        };
        if (type is null)
        {
            return;
        }

        var reason = type != TokenRefused ? null : status == StatusCodes.Status401Unauthorized ? "invalid_client" : "invalid_request";
        var pending = Pending(context, "application", null);
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        await WriteAsync(context, Event(pending, type, type == TokenRefused ? AuditOutcomes.Failure : AuditOutcomes.Success, reason,
            "application", pending.ApplicationId, null, time.GetUtcNow()));
    });

    /// <summary>Writes <paramref name="auditEvent"/> in a commit of its own.</summary>
    public static async Task WriteAsync(HttpContext http, AuditEvent auditEvent)
    {
        var db = http.RequestServices.GetRequiredService<PassbindDbContext>();
        db.ChangeTracker.Clear();
        db.AuditEvents.Add(auditEvent);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static async ValueTask<object?> AuditWriteAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || RouteResource(http) is not var (resource, idParameter, action))
        {
            return await next(context);
        }

        var pending = Pending(http, resource, action is null ? null : $"{resource}.{action}");
        http.Features.Set(pending);
        var result = await next(context);

        // A change made without a tracked save (ExecuteDelete, ExecuteUpdate) gets its event now.
        if (!pending.Written && Succeeded(result))
        {
            var verb = action ?? (HttpMethods.IsDelete(http.Request.Method) ? "deleted" : "updated");
            var id = idParameter is null ? null : http.GetRouteValue(idParameter) as string;
            var time = http.RequestServices.GetRequiredService<TimeProvider>();
            await WriteAsync(http, Event(pending, $"{resource}.{verb}", AuditOutcomes.Success, null, resource, id, null, time.GetUtcNow()));
            pending.Written = true;
        }

        return result;
    }

    private static async ValueTask<object?> AuditCompletionAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.Value!.EndsWith(CompleteRegistration, StringComparison.Ordinal))
        {
            return await next(context);
        }

        var pending = Pending(http, "credential", CredentialBound);
        http.Features.Set(pending);
        var result = await next(context);
        if (!pending.Written && Unwrap(result) is ApiError error && error.Status is >= 400 and < 500 && error.Code != "link_not_found")
        {
            // A refusal, with the check that failed; a link that does not exist belongs to no realm's trail.
            var reason = error.Body.Details?.Select(d => d.Reason).FirstOrDefault(r => r is not null) ?? error.Code;
            var time = http.RequestServices.GetRequiredService<TimeProvider>();
            await WriteAsync(http, Event(pending, RegistrationFailed, AuditOutcomes.Failure, reason, "credential_binding_job",
                http.GetRouteValue("job_id") as string, http.GetRouteValue("identity_id") as string, time.GetUtcNow()));
        }

        return result;
    }

    private static async ValueTask<object?> AuditSignInAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var path = http.Request.Path.Value!;
        var completion = path.EndsWith(":completeAuthentication", StringComparison.Ordinal) || path.EndsWith(":redeemOtp", StringComparison.Ordinal);
        if (!completion && !path.EndsWith(":authenticateOtp", StringComparison.Ordinal))
        {
            return await next(context);
        }

        var result = await next(context);
        var error = Unwrap(result) as ApiError;
        if (error is not null && (error.Status >= 500 || error.Status == StatusCodes.Status429TooManyRequests || error.Code == TransactionNotFound))
        {
            // A transaction that does not exist (or a forged request JWT) belongs to no realm's trail, and a caller
            // held at a limit must not be able to grow it: the security log has both.
            return result;
        }

        var tenantId = http.GetRouteValue("tenant_id") as string;
        var realmId = http.GetRouteValue("realm_id") as string;
        var transactionId = http.GetRouteValue("transaction_id") as string;
        var db = http.RequestServices.GetRequiredService<PassbindDbContext>();
        var transaction = await db.SignInTransactions.AsNoTracking()
            .Where(t => t.Id == transactionId && t.TenantId == tenantId && t.RealmId == realmId)
            .Select(t => new { t.ApplicationId, t.OtpIdentityId })
            .FirstOrDefaultAsync(CancellationToken.None);
        if (transaction is null)
        {
            return result;
        }

        var identityId = Unwrap(result) is IValueHttpResult { Value: SignIn.CompleteAuthenticationResponse signedIn }
            ? signedIn.Credential.IdentityId
            : transaction.OtpIdentityId;
        var type = error is not null ? SignInFailed : completion ? SignedIn : OneTimeCodeRequested;
        var reason = error is null ? null : error.Body.Details?.Select(d => d.Reason).FirstOrDefault(r => r is not null) ?? error.Code;
        var pending = Pending(http, "sign_in_transaction", type, transaction.ApplicationId);
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        await WriteAsync(http, Event(pending, type, error is null ? AuditOutcomes.Success : AuditOutcomes.Failure, reason,
            "sign_in_transaction", transactionId, identityId, time.GetUtcNow()));
        return result;
    }

    private static bool Succeeded(object? result) => Unwrap(result) switch
    {
        ApiError => false,
        IStatusCodeHttpResult { StatusCode: { } status } => status is >= 200 and < 300,
        _ => true,
    };

    private static object? Unwrap(object? result) => result is INestedHttpResult nested ? nested.Result : result;

    /// <summary>
    /// The resource a route writes, the route parameter naming it (none for a create) and the action it fixes
    /// (<c>revoked</c> for <c>:revoke</c>), from the route pattern: <c>…/identities/{identity_id}</c> is an identity.
    /// </summary>
    private static (string Resource, string? IdParameter, string? Action)? RouteResource(HttpContext http)
    {
        if (http.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } pattern })
        {
            return null;
        }

        var segments = pattern.Trim('/').Split('/');
        var last = segments[^1];
        string? action = null;
        var colon = last.IndexOf("}:", StringComparison.Ordinal);
        if (colon >= 0)
        {
            action = last[(colon + 2)..] == "revoke" ? "revoked" : last[(colon + 2)..];
            last = last[..(colon + 1)];
        }

        if (last.StartsWith('{') && segments.Length >= 2 && Collections.TryGetValue(segments[^2], out var named))
        {
            return (named, last.Trim('{', '}'), action);
        }

        return Collections.TryGetValue(last, out var collection) ? (collection, null, action) : null;
    }
}
