namespace Passbind.Server.Features.Applications;

internal sealed record ApplicationListResponse(IReadOnlyList<ApplicationResponse> Applications, int TotalSize, string? NextPageToken);
