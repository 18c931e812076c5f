namespace Passbind.Client;

/// <summary>The answer to creating a credential binding job.</summary>
public sealed record CreateCredentialBindingJobResponse
{
    /// <summary>The job (<c>credential_binding_job</c>). Default: an empty job.</summary>
    public CredentialBindingJob CredentialBindingJob { get; init; } = new();

    /// <summary>
    /// The passkey binding link to hand to <c>bindPasskey</c> (<c>credential_binding_link</c>); present for
    /// <c>RETURN</c>, <see langword="null"/> for <c>EMAIL</c>.
    /// </summary>
    public string? CredentialBindingLink { get; init; }
}
