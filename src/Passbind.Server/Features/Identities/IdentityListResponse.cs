namespace Passbind.Server.Features.Identities;

internal sealed record IdentityListResponse(IReadOnlyList<IdentityResponse> Identities, int TotalSize, string? NextPageToken);
