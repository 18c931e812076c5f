namespace Passbind.Client;

/// <summary>A page of <c>credential_binding_jobs</c> as the server sends it.</summary>
internal sealed record ListCredentialBindingJobsResponse
{
    public List<CredentialBindingJob>? CredentialBindingJobs { get; init; }
    public long TotalSize { get; init; }
    public string? NextPageToken { get; init; }

    public PassbindPage<CredentialBindingJob> ToPage() => new(CredentialBindingJobs ?? [], TotalSize, NextPageToken);
}
