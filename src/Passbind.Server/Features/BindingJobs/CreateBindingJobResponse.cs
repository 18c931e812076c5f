namespace Passbind.Server.Features.BindingJobs;

/// <summary>What a create answers: the job, and the link itself when it is delivered by RETURN.</summary>
internal sealed record CreateBindingJobResponse(BindingJobResponse CredentialBindingJob, string? CredentialBindingLink);
