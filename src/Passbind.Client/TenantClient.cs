namespace Passbind.Client;

/// <summary>The tenant the client is configured for: <c>/v1/tenants/{tenant_id}</c>.</summary>
public sealed class TenantClient
{
    private readonly PassbindConnection _connection;

    internal TenantClient(PassbindConnection connection) => _connection = connection;

    /// <summary>Gets the tenant (<c>GET /v1/tenants/{tenant_id}</c>, scope <c>tenants:read</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tenant.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<Tenant> GetAsync(CancellationToken cancellationToken = default) =>
        _connection.SendAsync(HttpMethod.Get, _connection.TenantUrl, null, PassbindJsonContext.Default.Tenant, cancellationToken);

    /// <summary>Changes the tenant (<c>PATCH /v1/tenants/{tenant_id}</c> with <c>{"tenant":{...}}</c>, scope <c>tenants:update</c>).</summary>
    /// <param name="request">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated tenant.</returns>
    /// <exception cref="PassbindApiException">The server answered with an error.</exception>
    public Task<Tenant> UpdateAsync(UpdateTenantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = PassbindConnection.Wrap("tenant", request, PassbindJsonContext.Default.UpdateTenantRequest);
        return _connection.SendAsync(HttpMethod.Patch, _connection.TenantUrl, body, PassbindJsonContext.Default.Tenant, cancellationToken);
    }
}
