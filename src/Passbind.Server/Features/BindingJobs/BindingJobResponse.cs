namespace Passbind.Server.Features.BindingJobs;

internal sealed record BindingJobResponse(
    string Id,
    string RealmId,
    string TenantId,
    string IdentityId,
    string DeliveryMethod,
    string State,
    string? PostBindingRedirectUri,
    string AuthenticatorConfigId,
    DateTimeOffset ExpireTime,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string? CredentialId);

/// <summary>What a create answers: the job, and the link itself when it is delivered by RETURN.</summary>
internal sealed record CreateBindingJobResponse(BindingJobResponse CredentialBindingJob, string? CredentialBindingLink);

internal sealed record BindingJobListResponse(IReadOnlyList<BindingJobResponse> CredentialBindingJobs, int TotalSize, string? NextPageToken);
