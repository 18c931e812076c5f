namespace Passbind.Client;

/// <summary>The tenant's realms: <c>/v1/tenants/{tenant_id}/realms</c>.</summary>
public sealed class RealmsClient
{
    private readonly PassbindConnection _connection;

    internal RealmsClient(PassbindConnection connection) => _connection = connection;

    private string RealmsUrl => $"{_connection.TenantUrl}/realms";

    /// <summary>Creates a realm (<c>POST .../realms</c> with <c>{"realm":{...}}</c>, scope <c>realms:create</c>).</summary>
    /// <param name="request">The new realm.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created realm.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<Realm> CreateAsync(CreateRealmRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = PassbindConnection.Wrap("realm", request, PassbindJsonContext.Default.CreateRealmRequest);
        return _connection.SendAsync(HttpMethod.Post, RealmsUrl, body, PassbindJsonContext.Default.Realm, cancellationToken);
    }

    /// <summary>Gets a realm (<c>GET .../realms/{realm_id}</c>, scope <c>realms:read</c>).</summary>
    /// <param name="realmId">The realm id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The realm.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error, for example 404 <c>not_found</c>.</exception>
    public Task<Realm> GetAsync(string realmId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(realmId);
        return _connection.SendAsync(HttpMethod.Get, _connection.RealmUrl(realmId), null, PassbindJsonContext.Default.Realm, cancellationToken);
    }

    /// <summary>Gets one page of realms (<c>GET .../realms</c>, scope <c>realms:read</c>).</summary>
    /// <param name="pageSize">Realms per page (<c>page_size</c>); default <see langword="null"/>: the server's default (20).</param>
    /// <param name="pageToken">A previous page's <see cref="PassbindPage{T}.NextPageToken"/>; default <see langword="null"/>: the first page.</param>
    /// <param name="skip">Realms to skip first (<c>skip</c>, not carried by page tokens); default <see langword="null"/>: none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public async Task<PassbindPage<Realm>> ListPageAsync(
        int? pageSize = null, string? pageToken = null, int? skip = null, CancellationToken cancellationToken = default)
    {
        var url = RealmsUrl + PassbindPaths.ListQuery(null, pageSize, pageToken, skip);
        var response = await _connection.SendAsync(HttpMethod.Get, url, null, PassbindJsonContext.Default.ListRealmsResponse, cancellationToken)
            .ConfigureAwait(false);
        return response.ToPage();
    }

    /// <summary>Lists every realm, fetching pages as the stream is read.</summary>
    /// <param name="pageSize">Realms per request; default <see langword="null"/>: the server's default.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The realms.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public IAsyncEnumerable<Realm> ListAsync(int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.EnumerateAsync((token, ct) => ListPageAsync(pageSize, token, null, ct), cancellationToken);

    /// <summary>Changes a realm (<c>PATCH .../realms/{realm_id}</c> with <c>{"realm":{...}}</c>, scope <c>realms:update</c>).</summary>
    /// <param name="realmId">The realm id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated realm.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<Realm> UpdateAsync(string realmId, UpdateRealmRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(realmId);
        ArgumentNullException.ThrowIfNull(request);
        var body = PassbindConnection.Wrap("realm", request, PassbindJsonContext.Default.UpdateRealmRequest);
        return _connection.SendAsync(HttpMethod.Patch, _connection.RealmUrl(realmId), body, PassbindJsonContext.Default.Realm, cancellationToken);
    }

    /// <summary>
    /// Deletes a realm (<c>DELETE .../realms/{realm_id}</c>, scope <c>realms:delete</c>); a realm that still has
    /// identities answers 409 <c>conflict</c>.
    /// </summary>
    /// <param name="realmId">The realm id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server confirmed.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task DeleteAsync(string realmId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(realmId);
        return _connection.SendAsync(HttpMethod.Delete, _connection.RealmUrl(realmId), null, cancellationToken);
    }
}
