using System.Text.Json;

namespace Passbind.Client;

/// <summary>A realm's applications: <c>/v1/tenants/{tenant_id}/realms/{realm_id}/applications</c>.</summary>
public sealed class ApplicationsClient
{
    private readonly PassbindConnection _connection;
    private readonly string _applicationsUrl;

    internal ApplicationsClient(PassbindConnection connection, string realmId)
    {
        _connection = connection;
        _applicationsUrl = $"{connection.RealmUrl(realmId)}/applications";
    }

    /// <summary>
    /// Creates an application (<c>POST .../applications</c> with <c>{"application":{...}}</c>, scope
    /// <c>applications:create</c>).
    /// </summary>
    /// <param name="request">The new application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created application; for a confidential client its <see cref="ApplicationProtocolConfig.ClientSecret"/>, shown this once.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error, for example 400 naming a field.</exception>
    public Task<Application> CreateAsync(CreateApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = PassbindConnection.Wrap("application", request, PassbindJsonContext.Default.CreateApplicationRequest);
        return _connection.SendAsync(HttpMethod.Post, _applicationsUrl, body, PassbindJsonContext.Default.Application, cancellationToken);
    }

    /// <summary>Gets an application (<c>GET .../applications/{id}</c>, scope <c>applications:read</c>).</summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application, without its secret.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error, for example 404 <c>not_found</c>.</exception>
    public Task<Application> GetAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        return _connection.SendAsync(HttpMethod.Get, ApplicationUrl(applicationId), null, PassbindJsonContext.Default.Application, cancellationToken);
    }

    /// <summary>Gets one page of applications (<c>GET .../applications</c>, scope <c>applications:read</c>).</summary>
    /// <param name="pageSize">Applications per page (<c>page_size</c>); default <see langword="null"/>: the server's default (100).</param>
    /// <param name="pageToken">A previous page's <see cref="PassbindPage{T}.NextPageToken"/>; default <see langword="null"/>: the first page.</param>
    /// <param name="skip">Applications to skip first (<c>skip</c>); default <see langword="null"/>: none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public async Task<PassbindPage<Application>> ListPageAsync(
        int? pageSize = null, string? pageToken = null, int? skip = null, CancellationToken cancellationToken = default)
    {
        var url = _applicationsUrl + PassbindPaths.ListQuery(null, pageSize, pageToken, skip);
        var response = await _connection.SendAsync(HttpMethod.Get, url, null, PassbindJsonContext.Default.ListApplicationsResponse, cancellationToken)
            .ConfigureAwait(false);
        return response.ToPage();
    }

    /// <summary>Lists every application, fetching pages as the stream is read.</summary>
    /// <param name="pageSize">Applications per request; default <see langword="null"/>: the server's default.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The applications.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public IAsyncEnumerable<Application> ListAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.EnumerateAsync((token, ct) => ListPageAsync(pageSize, token, null, ct), cancellationToken);

    /// <summary>
    /// Changes an application (<c>PATCH .../applications/{id}</c> with <c>{"application":{...}}</c>, scope
    /// <c>applications:update</c>). <c>type</c> and <c>confidentiality</c> cannot change.
    /// </summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated application.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<Application> UpdateAsync(string applicationId, UpdateApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentNullException.ThrowIfNull(request);
        var body = PassbindConnection.Wrap("application", request, PassbindJsonContext.Default.UpdateApplicationRequest);
        return _connection.SendAsync(HttpMethod.Patch, ApplicationUrl(applicationId), body, PassbindJsonContext.Default.Application, cancellationToken);
    }

    /// <summary>
    /// Deletes an application (<c>DELETE .../applications/{id}</c>, scope <c>applications:delete</c>); the tokens it
    /// issued stop working. The managed management application cannot be deleted (422).
    /// </summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server confirmed.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task DeleteAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        return _connection.SendAsync(HttpMethod.Delete, ApplicationUrl(applicationId), null, cancellationToken);
    }

    /// <summary>
    /// Replaces the client secret (<c>POST .../applications/{id}:rotateSecret</c>, scope <c>applications:update</c>).
    /// Tokens issued before stop working; the previous secret keeps working for the server's grace period, or
    /// for <paramref name="gracePeriod"/> when shorter (<see cref="TimeSpan.Zero"/> ends it at once).
    /// </summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="gracePeriod">How long the previous secret keeps working; default <see langword="null"/>: the server's grace period.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application with its new <see cref="ApplicationProtocolConfig.ClientSecret"/>, shown this once.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<Application> RotateSecretAsync(string applicationId, TimeSpan? gracePeriod = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        var body = gracePeriod is { } grace
            ? JsonSerializer.SerializeToUtf8Bytes(new RotateSecretRequest { GracePeriod = (long)grace.TotalSeconds }, PassbindJsonContext.Default.RotateSecretRequest)
            : null;
        return _connection.SendAsync(HttpMethod.Post, $"{ApplicationUrl(applicationId)}:rotateSecret", body, PassbindJsonContext.Default.Application, cancellationToken);
    }

    private string ApplicationUrl(string applicationId) => $"{_applicationsUrl}/{PassbindPaths.Escape(applicationId)}";
}
