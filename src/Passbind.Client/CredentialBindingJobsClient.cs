namespace Passbind.Client;

/// <summary>
/// An identity's credential binding jobs:
/// <c>/v1/tenants/{tenant_id}/realms/{realm_id}/identities/{identity_id}/credential-binding-jobs</c>.
/// </summary>
public sealed class CredentialBindingJobsClient
{
    private readonly PassbindConnection _connection;
    private readonly string _identitiesUrl;

    internal CredentialBindingJobsClient(PassbindConnection connection, string realmId)
    {
        _connection = connection;
        _identitiesUrl = $"{connection.RealmUrl(realmId)}/identities";
    }

    /// <summary>
    /// Creates a credential binding job (<c>POST .../identities/{identity_id}/credential-binding-jobs</c> with
    /// <c>{"job":{...}}</c>, scope <c>credential-binding-jobs:create</c>). With <c>RETURN</c> the response carries the
    /// link; with <c>EMAIL</c> the server mails it (an identity without an email address answers 422).
    /// </summary>
    /// <param name="identityId">The identity to invite.</param>
    /// <param name="request">
    /// The job; when it names no authenticator config, <see cref="PassbindClientOptions.AuthenticatorConfigId"/> is used.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job, and for <c>RETURN</c> the binding link.</returns>
    /// <exception cref="ArgumentException">Neither the request nor the options name an authenticator config.</exception>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<CreateCredentialBindingJobResponse> CreateAsync(
        string identityId, CreateCredentialBindingJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        ArgumentNullException.ThrowIfNull(request);
        if (request.AuthenticatorConfigId is null && request.AuthenticatorConfig is null)
        {
            if (_connection.DefaultAuthenticatorConfigId is null)
            {
                throw new ArgumentException(
                    "The job names no authenticator config, and PassbindClientOptions.AuthenticatorConfigId is not set.", nameof(request));
            }

            request = request with { AuthenticatorConfigId = _connection.DefaultAuthenticatorConfigId };
        }

        var body = PassbindConnection.Wrap("job", request, PassbindJsonContext.Default.CreateCredentialBindingJobRequest);
        return _connection.SendAsync(
            HttpMethod.Post, JobsUrl(identityId), body, PassbindJsonContext.Default.CreateCredentialBindingJobResponse, cancellationToken);
    }

    /// <summary>Creates a <c>RETURN</c> job and returns its passkey binding link, for <c>bindPasskey</c>.</summary>
    /// <param name="identityId">The identity to invite.</param>
    /// <param name="postBindingRedirectUri">Where the SDK redirects after binding; default <see langword="null"/>: no redirect.</param>
    /// <param name="authenticatorConfigId">The authenticator config; default <see langword="null"/>: <see cref="PassbindClientOptions.AuthenticatorConfigId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job and its link (<see cref="CreateCredentialBindingJobResponse.CredentialBindingLink"/> is set).</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    /// <exception cref="InvalidOperationException">The server created the job but sent no link.</exception>
    public async Task<CreateCredentialBindingJobResponse> CreateLinkAsync(
        string identityId,
        string? postBindingRedirectUri = null,
        string? authenticatorConfigId = null,
        CancellationToken cancellationToken = default)
    {
        var request = new CreateCredentialBindingJobRequest
        {
            DeliveryMethod = DeliveryMethods.Return,
            AuthenticatorConfigId = authenticatorConfigId,
            PostBindingRedirectUri = postBindingRedirectUri,
        };
        var response = await CreateAsync(identityId, request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.CredentialBindingLink))
        {
            throw new InvalidOperationException(
                $"Job {response.CredentialBindingJob.Id} was created with RETURN, but the response has no credential_binding_link.");
        }

        return response;
    }

    /// <summary>Creates an <c>EMAIL</c> job: the server mails the link to the identity's <c>primary_email_address</c>.</summary>
    /// <param name="identityId">The identity to invite.</param>
    /// <param name="postBindingRedirectUri">Where the SDK redirects after binding; default <see langword="null"/>: no redirect.</param>
    /// <param name="authenticatorConfigId">The authenticator config; default <see langword="null"/>: <see cref="PassbindClientOptions.AuthenticatorConfigId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error, for example 422 when the identity has no email address.</exception>
    public async Task<CredentialBindingJob> SendEmailAsync(
        string identityId,
        string? postBindingRedirectUri = null,
        string? authenticatorConfigId = null,
        CancellationToken cancellationToken = default)
    {
        var request = new CreateCredentialBindingJobRequest
        {
            DeliveryMethod = DeliveryMethods.Email,
            AuthenticatorConfigId = authenticatorConfigId,
            PostBindingRedirectUri = postBindingRedirectUri,
        };
        var response = await CreateAsync(identityId, request, cancellationToken).ConfigureAwait(false);
        return response.CredentialBindingJob;
    }

    /// <summary>Gets a job (<c>GET .../credential-binding-jobs/{job_id}</c>, scope <c>credential-binding-jobs:read</c>).</summary>
    /// <param name="identityId">The identity id.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error, for example 404 <c>not_found</c>.</exception>
    public Task<CredentialBindingJob> GetAsync(string identityId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return _connection.SendAsync(
            HttpMethod.Get, JobUrl(identityId, jobId), null, PassbindJsonContext.Default.CredentialBindingJob, cancellationToken);
    }

    /// <summary>Gets one page of jobs (<c>GET .../credential-binding-jobs</c>, scope <c>credential-binding-jobs:read</c>).</summary>
    /// <param name="identityId">The identity id, or <c>-</c> for every identity in the realm.</param>
    /// <param name="filter">A SCIM filter on <c>state</c> or <c>delivery_method</c>; default <see langword="null"/>: all.</param>
    /// <param name="pageSize">Jobs per page (<c>page_size</c>); default <see langword="null"/>: the server's default (20).</param>
    /// <param name="pageToken">A previous page's <see cref="PassbindPage{T}.NextPageToken"/>; default <see langword="null"/>: the first page.</param>
    /// <param name="skip">Jobs to skip first (<c>skip</c>); default <see langword="null"/>: none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public async Task<PassbindPage<CredentialBindingJob>> ListPageAsync(
        string identityId,
        string? filter = null,
        int? pageSize = null,
        string? pageToken = null,
        int? skip = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        var url = JobsUrl(identityId) + PassbindPaths.ListQuery(filter, pageSize, pageToken, skip);
        var response = await _connection.SendAsync(
                HttpMethod.Get, url, null, PassbindJsonContext.Default.ListCredentialBindingJobsResponse, cancellationToken)
            .ConfigureAwait(false);
        return response.ToPage();
    }

    /// <summary>Lists every job of an identity (or of the realm, with <c>-</c>), fetching pages as the stream is read.</summary>
    /// <param name="identityId">The identity id, or <c>-</c> for every identity in the realm.</param>
    /// <param name="filter">A SCIM filter on <c>state</c> or <c>delivery_method</c>; default <see langword="null"/>: all.</param>
    /// <param name="pageSize">Jobs per request; default <see langword="null"/>: the server's default.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The jobs.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public IAsyncEnumerable<CredentialBindingJob> ListAsync(
        string identityId, string? filter = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        return Paging.EnumerateAsync((token, ct) => ListPageAsync(identityId, filter, pageSize, token, null, ct), cancellationToken);
    }

    /// <summary>
    /// Revokes a job so its link stops working (<c>POST .../credential-binding-jobs/{job_id}:revoke</c> with <c>{}</c>,
    /// scope <c>credential-binding-jobs:revoke</c>); a completed job cannot be revoked.
    /// </summary>
    /// <param name="identityId">The identity id.</param>
    /// <param name="jobId">The job id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The revoked job.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<CredentialBindingJob> RevokeAsync(string identityId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        return _connection.SendAsync(
            HttpMethod.Post, JobUrl(identityId, jobId) + ":revoke", "{}"u8.ToArray(), PassbindJsonContext.Default.CredentialBindingJob, cancellationToken);
    }

    private string JobsUrl(string identityId) => $"{_identitiesUrl}/{PassbindPaths.Escape(identityId)}/credential-binding-jobs";

    private string JobUrl(string identityId, string jobId) => $"{JobsUrl(identityId)}/{PassbindPaths.Escape(jobId)}";
}
