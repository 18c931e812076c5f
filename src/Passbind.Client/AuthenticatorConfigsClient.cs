namespace Passbind.Client;

/// <summary>A realm's authenticator configs: <c>/v1/tenants/{tenant_id}/realms/{realm_id}/authenticator-configs</c>.</summary>
public sealed class AuthenticatorConfigsClient
{
    private readonly PassbindConnection _connection;
    private readonly string _configsUrl;

    internal AuthenticatorConfigsClient(PassbindConnection connection, string realmId)
    {
        _connection = connection;
        _configsUrl = $"{connection.RealmUrl(realmId)}/authenticator-configs";
    }

    /// <summary>
    /// Creates an authenticator config (<c>POST .../authenticator-configs</c> with <c>{"authenticator_config":{...}}</c>,
    /// scope <c>authenticator-configs:create</c>).
    /// </summary>
    /// <param name="request">The new config.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created config, with the server's defaults filled in.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<AuthenticatorConfig> CreateAsync(CreateAuthenticatorConfigRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = PassbindConnection.Wrap("authenticator_config", request, PassbindJsonContext.Default.CreateAuthenticatorConfigRequest);
        return _connection.SendAsync(HttpMethod.Post, _configsUrl, body, PassbindJsonContext.Default.AuthenticatorConfig, cancellationToken);
    }

    /// <summary>Gets an authenticator config (<c>GET .../authenticator-configs/{id}</c>, scope <c>authenticator-configs:read</c>).</summary>
    /// <param name="authenticatorConfigId">The authenticator config id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The config.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error, for example 404 <c>not_found</c>.</exception>
    public Task<AuthenticatorConfig> GetAsync(string authenticatorConfigId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(authenticatorConfigId);
        return _connection.SendAsync(
            HttpMethod.Get, ConfigUrl(authenticatorConfigId), null, PassbindJsonContext.Default.AuthenticatorConfig, cancellationToken);
    }

    /// <summary>Gets one page of authenticator configs (<c>GET .../authenticator-configs</c>, scope <c>authenticator-configs:read</c>).</summary>
    /// <param name="filter">A SCIM filter (<c>filter</c>); default <see langword="null"/>: all.</param>
    /// <param name="pageSize">Configs per page (<c>page_size</c>); default <see langword="null"/>: the server's default (100).</param>
    /// <param name="pageToken">A previous page's <see cref="PassbindPage{T}.NextPageToken"/>; default <see langword="null"/>: the first page.</param>
    /// <param name="skip">Configs to skip first (<c>skip</c>); default <see langword="null"/>: none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public async Task<PassbindPage<AuthenticatorConfig>> ListPageAsync(
        string? filter = null, int? pageSize = null, string? pageToken = null, int? skip = null, CancellationToken cancellationToken = default)
    {
        var url = _configsUrl + PassbindPaths.ListQuery(filter, pageSize, pageToken, skip);
        var response = await _connection.SendAsync(
                HttpMethod.Get, url, null, PassbindJsonContext.Default.ListAuthenticatorConfigsResponse, cancellationToken)
            .ConfigureAwait(false);
        return response.ToPage();
    }

    /// <summary>Lists every authenticator config, fetching pages as the stream is read.</summary>
    /// <param name="filter">A SCIM filter; default <see langword="null"/>: all.</param>
    /// <param name="pageSize">Configs per request; default <see langword="null"/>: the server's default.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The configs.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public IAsyncEnumerable<AuthenticatorConfig> ListAsync(
        string? filter = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.EnumerateAsync((token, ct) => ListPageAsync(filter, pageSize, token, null, ct), cancellationToken);

    /// <summary>
    /// Changes an authenticator config (<c>PATCH .../authenticator-configs/{id}</c> with
    /// <c>{"authenticator_config":{...}}</c>, scope <c>authenticator-configs:update</c>).
    /// </summary>
    /// <param name="authenticatorConfigId">The authenticator config id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated config.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<AuthenticatorConfig> UpdateAsync(
        string authenticatorConfigId, UpdateAuthenticatorConfigRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(authenticatorConfigId);
        ArgumentNullException.ThrowIfNull(request);
        var body = PassbindConnection.Wrap("authenticator_config", request, PassbindJsonContext.Default.UpdateAuthenticatorConfigRequest);
        return _connection.SendAsync(
            HttpMethod.Patch, ConfigUrl(authenticatorConfigId), body, PassbindJsonContext.Default.AuthenticatorConfig, cancellationToken);
    }

    /// <summary>Deletes an authenticator config (<c>DELETE .../authenticator-configs/{id}</c>, scope <c>authenticator-configs:delete</c>).</summary>
    /// <param name="authenticatorConfigId">The authenticator config id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server confirmed.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task DeleteAsync(string authenticatorConfigId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(authenticatorConfigId);
        return _connection.SendAsync(HttpMethod.Delete, ConfigUrl(authenticatorConfigId), null, cancellationToken);
    }

    private string ConfigUrl(string authenticatorConfigId) => $"{_configsUrl}/{PassbindPaths.Escape(authenticatorConfigId)}";
}
