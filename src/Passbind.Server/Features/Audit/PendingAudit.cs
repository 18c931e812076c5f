namespace Passbind.Server.Features.Audit;

/// <summary>
/// The audit event a request will write if its change commits (an HttpContext feature): the type when the route
/// decides it, who and from where. <see cref="AuditInterceptor"/> writes it into the request's own save, so the
/// event commits with the change, or with nothing.
/// </summary>
internal sealed class PendingAudit(string resource, string? type, string tenantId, string? realmId, string? applicationId, string clientAddress, string? userAgent)
{
    /// <summary>The resource the route names (<c>identity</c>, <c>credential_binding_job</c>…).</summary>
    public string Resource { get; } = resource;

    /// <summary>The event's type when the route fixes it (<c>credential.bound</c>); else from what the save changes.</summary>
    public string? Type { get; } = type;

    public string TenantId { get; } = tenantId;

    public string? RealmId { get; } = realmId;

    public string? ApplicationId { get; } = applicationId;

    public string ClientAddress { get; } = clientAddress;

    public string? UserAgent { get; } = userAgent;

    /// <summary>Set once the event is in a save, so that a second save in the same request does not write it again.</summary>
    public bool Written { get; set; }
}
