namespace Passbind.Server.Features.Audit;

/// <summary>One event on the wire.</summary>
internal sealed record AuditEventResponse(
    string Id,
    string TenantId,
    string? RealmId,
    DateTimeOffset CreateTime,
    string Type,
    string Outcome,
    string? Reason,
    string? ApplicationId,
    string? IdentityId,
    string? ResourceType,
    string? ResourceId,
    string? ClientAddress,
    string? UserAgent);
