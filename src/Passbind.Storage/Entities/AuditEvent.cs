namespace Passbind.Storage.Entities;

/// <summary>
/// One entry of a realm's audit trail (docs/security.md, "Audit events"): who (an application, an identity), did
/// what to which resource, when, from where, and with what outcome; for a refusal, the check that failed. It never
/// holds a secret, a token or a challenge.
/// </summary>
public sealed class AuditEvent
{
    /// <summary>Increasing in the order events were written; the events list pages by it.</summary>
    public long Id { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The realm, or null for an event of the tenant itself.</summary>
    public string? RealmId { get; init; }

    public DateTimeOffset Time { get; init; }

    /// <summary>What happened: <c>identity.created</c>, <c>credential.bound</c>, <c>registration.failed</c>, <c>token.refused</c>….</summary>
    public required string Type { get; init; }

    /// <summary><c>success</c> or <c>failure</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>For a failure, the check that failed (<c>origin_not_allowed</c>, <c>invalid_client</c>…).</summary>
    public string? Reason { get; init; }

    /// <summary>The application whose token or client credentials made the request, when one did.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>The identity the event concerns (a binding's identity, a sign-in's user), when there is one.</summary>
    public string? IdentityId { get; init; }

    public string? ResourceType { get; init; }

    public string? ResourceId { get; init; }

    public string? ClientAddress { get; init; }

    public string? UserAgent { get; init; }
}
