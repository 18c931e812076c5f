namespace Passbind.Server.Features.BindingJobs;

internal sealed record BindingJobListResponse(IReadOnlyList<BindingJobResponse> CredentialBindingJobs, int TotalSize, string? NextPageToken);
