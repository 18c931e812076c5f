namespace Passbind.Client;

/// <summary>A realm's identities: <c>/v1/tenants/{tenant_id}/realms/{realm_id}/identities</c>.</summary>
public sealed class IdentitiesClient
{
    private readonly PassbindConnection _connection;
    private readonly string _identitiesUrl;

    internal IdentitiesClient(PassbindConnection connection, string realmId)
    {
        _connection = connection;
        _identitiesUrl = $"{connection.RealmUrl(realmId)}/identities";
    }

    /// <summary>
    /// Creates an identity (<c>POST .../identities</c> with <c>{"identity":{...}}</c>, scope <c>identities:create</c>);
    /// a username already in the realm answers 409 <c>conflict</c>.
    /// </summary>
    /// <param name="request">The new identity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created identity.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<Identity> CreateAsync(CreateIdentityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = PassbindConnection.Wrap("identity", request, PassbindJsonContext.Default.CreateIdentityRequest);
        return _connection.SendAsync(HttpMethod.Post, _identitiesUrl, body, PassbindJsonContext.Default.Identity, cancellationToken);
    }

    /// <summary>Gets an identity (<c>GET .../identities/{identity_id}</c>, scope <c>identities:read</c>).</summary>
    /// <param name="identityId">The identity id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error, for example 404 <c>not_found</c>.</exception>
    public Task<Identity> GetAsync(string identityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        return _connection.SendAsync(HttpMethod.Get, IdentityUrl(identityId), null, PassbindJsonContext.Default.Identity, cancellationToken);
    }

    /// <summary>Gets one page of identities (<c>GET .../identities</c>, scope <c>identities:read</c>).</summary>
    /// <param name="filter">
    /// A SCIM filter (<c>filter</c>); the only one supported is <c>traits.username eq "name"</c>. Default
    /// <see langword="null"/>: all identities.
    /// </param>
    /// <param name="pageSize">Identities per page (<c>page_size</c>); default <see langword="null"/>: the server's default (20).</param>
    /// <param name="pageToken">A previous page's <see cref="PassbindPage{T}.NextPageToken"/>; default <see langword="null"/>: the first page.</param>
    /// <param name="skip">Identities to skip first (<c>skip</c>, not carried by page tokens); default <see langword="null"/>: none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public async Task<PassbindPage<Identity>> ListPageAsync(
        string? filter = null, int? pageSize = null, string? pageToken = null, int? skip = null, CancellationToken cancellationToken = default)
    {
        var url = _identitiesUrl + PassbindPaths.ListQuery(filter, pageSize, pageToken, skip);
        var response = await _connection.SendAsync(HttpMethod.Get, url, null, PassbindJsonContext.Default.ListIdentitiesResponse, cancellationToken)
            .ConfigureAwait(false);
        return response.ToPage();
    }

    /// <summary>Lists every identity matching <paramref name="filter"/>, fetching pages as the stream is read.</summary>
    /// <param name="filter">A SCIM filter as for <see cref="ListPageAsync"/>; default <see langword="null"/>: all identities.</param>
    /// <param name="pageSize">Identities per request; default <see langword="null"/>: the server's default.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The identities.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public IAsyncEnumerable<Identity> ListAsync(string? filter = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        Paging.EnumerateAsync((token, ct) => ListPageAsync(filter, pageSize, token, null, ct), cancellationToken);

    /// <summary>
    /// Finds the identity with a username (<c>GET .../identities?filter=traits.username eq "name"</c>). Usernames are
    /// unique in a realm regardless of case.
    /// </summary>
    /// <param name="username">The username.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The identity, or <see langword="null"/> if there is none.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public async Task<Identity?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var page = await ListPageAsync(UsernameFilter(username), cancellationToken: cancellationToken).ConfigureAwait(false);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    /// <summary>
    /// Changes an identity (<c>PATCH .../identities/{identity_id}</c> with <c>{"identity":{...}}</c>, scope
    /// <c>identities:update</c>); omitted fields and traits are left unchanged.
    /// </summary>
    /// <param name="identityId">The identity id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated identity.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<Identity> UpdateAsync(string identityId, UpdateIdentityRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        ArgumentNullException.ThrowIfNull(request);
        var body = PassbindConnection.Wrap("identity", request, PassbindJsonContext.Default.UpdateIdentityRequest);
        return _connection.SendAsync(HttpMethod.Patch, IdentityUrl(identityId), body, PassbindJsonContext.Default.Identity, cancellationToken);
    }

    /// <summary>Deletes an identity (<c>DELETE .../identities/{identity_id}</c>, scope <c>identities:delete</c>).</summary>
    /// <param name="identityId">The identity id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server confirmed.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task DeleteAsync(string identityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        return _connection.SendAsync(HttpMethod.Delete, IdentityUrl(identityId), null, cancellationToken);
    }

    /// <summary>The SCIM filter <c>traits.username eq "name"</c>, with <c>"</c> and <c>\</c> escaped as JSON strings are (RFC 7644 §3.4.2.2).</summary>
    internal static string UsernameFilter(string username) =>
        $"traits.username eq \"{username.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private string IdentityUrl(string identityId) => $"{_identitiesUrl}/{PassbindPaths.Escape(identityId)}";
}
