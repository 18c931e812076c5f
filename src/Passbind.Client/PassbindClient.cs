using System.Net;

namespace Passbind.Client;

/// <summary>
/// A typed client for the v1 management API of Passbind (and of Beyond Identity, which it is wire-compatible with).
/// Register it with <see cref="PassbindClientServiceCollectionExtensions.AddPassbindClient"/>, or construct it
/// directly in a console app. Thread-safe.
/// </summary>
/// <remarks>
/// Every call adds a bearer token: a static one, or one obtained by client credentials, cached until shortly before
/// it expires and fetched once more when the server answers 401 or 403. Errors surface as
/// <see cref="PassbindApiException"/>; network failures and timeouts as the usual <see cref="HttpRequestException"/>
/// and <see cref="TaskCanceledException"/>.
/// </remarks>
public sealed class PassbindClient
{
    // For clients built without an HttpClient: one shared instance, recycling connections so DNS changes are seen.
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AutomaticDecompression = DecompressionMethods.All }));

    private readonly PassbindConnection _connection;

    /// <summary>Creates a client for console apps and scripts.</summary>
    /// <param name="options">Where to connect and how to authenticate; read once, here.</param>
    /// <param name="httpClient">
    /// The HTTP client to send with; not disposed by this client. Default <see langword="null"/>: a process-wide shared
    /// client. Its <see cref="HttpClient.Timeout"/> (default 100 s) applies to each request.
    /// </param>
    /// <param name="timeProvider">The clock used for token expiry. Default <see langword="null"/>: <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are incomplete.</exception>
    public PassbindClient(PassbindClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
        : this(httpClient ?? SharedHttpClient.Value, options, new AccessTokenCache(options, timeProvider ?? TimeProvider.System))
    {
    }

    /// <summary>The constructor DI uses: the token cache is a singleton shared by every (transient) typed client.</summary>
    internal PassbindClient(HttpClient httpClient, PassbindClientOptions options, AccessTokenCache tokens)
        : this(new PassbindConnection(httpClient, options, tokens), options.RealmId)
    {
    }

    private PassbindClient(PassbindConnection connection, string realmId)
    {
        _connection = connection;
        RealmId = realmId;
        Tenant = new TenantClient(connection);
        Realms = new RealmsClient(connection);
        Identities = new IdentitiesClient(connection, realmId);
        AuthenticatorConfigs = new AuthenticatorConfigsClient(connection, realmId);
        CredentialBindingJobs = new CredentialBindingJobsClient(connection, realmId);
        Credentials = new CredentialsClient(connection, realmId);
        Applications = new ApplicationsClient(connection, realmId);
    }

    /// <summary>The tenant every call addresses (<see cref="PassbindClientOptions.TenantId"/>).</summary>
    public string TenantId => _connection.TenantId;

    /// <summary>The realm that realm-scoped calls address (<see cref="PassbindClientOptions.RealmId"/>, or the one given to <see cref="ForRealm"/>).</summary>
    public string RealmId { get; }

    /// <summary>The tenant: get and update.</summary>
    public TenantClient Tenant { get; }

    /// <summary>The tenant's realms: create, get, list, update, delete.</summary>
    public RealmsClient Realms { get; }

    /// <summary>The realm's identities: create, get, list, find by username, update, delete.</summary>
    public IdentitiesClient Identities { get; }

    /// <summary>The realm's authenticator configs: create, get, list, update, delete.</summary>
    public AuthenticatorConfigsClient AuthenticatorConfigs { get; }

    /// <summary>Credential binding jobs (passkey binding links): create (RETURN or EMAIL), get, list, revoke.</summary>
    public CredentialBindingJobsClient CredentialBindingJobs { get; }

    /// <summary>Credentials (bound passkeys): get, list, revoke.</summary>
    public CredentialsClient Credentials { get; }

    /// <summary>The realm's applications (OAuth 2.0 / OpenID Connect clients).</summary>
    public ApplicationsClient Applications { get; }

    /// <summary>
    /// A client for another realm of the same tenant, sharing this one's HTTP client and tokens (the token must be valid
    /// for that realm).
    /// </summary>
    /// <param name="realmId">The realm that realm-scoped calls of the returned client address.</param>
    /// <returns>A client addressing <paramref name="realmId"/>.</returns>
    public PassbindClient ForRealm(string realmId)
    {
        ArgumentException.ThrowIfNullOrEmpty(realmId);
        return new PassbindClient(_connection, realmId);
    }
}
