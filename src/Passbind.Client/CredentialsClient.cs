namespace Passbind.Client;

/// <summary>
/// An identity's credentials (passkeys, server side):
/// <c>/v1/tenants/{tenant_id}/realms/{realm_id}/identities/{identity_id}/credentials</c>.
/// </summary>
public sealed class CredentialsClient
{
    private readonly PassbindConnection _connection;
    private readonly string _identitiesUrl;

    internal CredentialsClient(PassbindConnection connection, string realmId)
    {
        _connection = connection;
        _identitiesUrl = $"{connection.RealmUrl(realmId)}/identities";
    }

    /// <summary>Gets a credential (<c>GET .../credentials/{credential_id}</c>, scope <c>credentials:read</c>).</summary>
    /// <param name="identityId">The identity id.</param>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The credential.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error, for example 404 <c>not_found</c>.</exception>
    public Task<Credential> GetAsync(string identityId, string credentialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        return _connection.SendAsync(
            HttpMethod.Get, CredentialUrl(identityId, credentialId), null, PassbindJsonContext.Default.Credential, cancellationToken);
    }

    /// <summary>Gets one page of credentials (<c>GET .../identities/{identity_id}/credentials</c>, scope <c>credentials:read</c>).</summary>
    /// <param name="identityId">The identity id, or <c>-</c> for every identity in the realm.</param>
    /// <param name="pageSize">Credentials per page (<c>page_size</c>); default <see langword="null"/>: the server's default (20).</param>
    /// <param name="pageToken">A previous page's <see cref="PassbindPage{T}.NextPageToken"/>; default <see langword="null"/>: the first page.</param>
    /// <param name="skip">Credentials to skip first (<c>skip</c>); default <see langword="null"/>: none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public async Task<PassbindPage<Credential>> ListPageAsync(
        string identityId, int? pageSize = null, string? pageToken = null, int? skip = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        var url = CredentialsUrl(identityId) + PassbindPaths.ListQuery(null, pageSize, pageToken, skip);
        var response = await _connection.SendAsync(HttpMethod.Get, url, null, PassbindJsonContext.Default.ListCredentialsResponse, cancellationToken)
            .ConfigureAwait(false);
        return response.ToPage();
    }

    /// <summary>Lists every credential of an identity (or of the realm, with <c>-</c>), fetching pages as the stream is read.</summary>
    /// <param name="identityId">The identity id, or <c>-</c> for every identity in the realm.</param>
    /// <param name="pageSize">Credentials per request; default <see langword="null"/>: the server's default.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public IAsyncEnumerable<Credential> ListAsync(string identityId, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        return Paging.EnumerateAsync((token, ct) => ListPageAsync(identityId, pageSize, token, null, ct), cancellationToken);
    }

    /// <summary>
    /// Revokes a credential so it no longer signs in (<c>POST .../credentials/{credential_id}:revoke</c>, no body,
    /// scope <c>credentials:revoke</c>).
    /// </summary>
    /// <param name="identityId">The identity id.</param>
    /// <param name="credentialId">The credential id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The revoked credential.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<Credential> RevokeAsync(string identityId, string credentialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        ArgumentException.ThrowIfNullOrEmpty(credentialId);
        return _connection.SendAsync(
            HttpMethod.Post, CredentialUrl(identityId, credentialId) + ":revoke", null, PassbindJsonContext.Default.Credential, cancellationToken);
    }

    private string CredentialsUrl(string identityId) => $"{_identitiesUrl}/{PassbindPaths.Escape(identityId)}/credentials";

    private string CredentialUrl(string identityId, string credentialId) => $"{CredentialsUrl(identityId)}/{PassbindPaths.Escape(credentialId)}";
}
