namespace Passbind.Server.Features.Audit;

/// <summary>A page of events, newest first, in the shape of the API's other lists.</summary>
internal sealed record AuditEventListResponse(IReadOnlyList<AuditEventResponse> Events, int TotalSize, string? NextPageToken);
