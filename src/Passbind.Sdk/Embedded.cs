using System.Security.Cryptography;
using Passbind.Sdk.Authenticator;
using Passbind.Sdk.Links;
using Passbind.Sdk.Protocol;
using Passbind.Sdk.Storage;

namespace Passbind.Sdk;

/// <summary>
/// The Embedded SDK for .NET: binds passkeys from binding links and keeps them on this device, as the browser SDK's
/// <c>Embedded</c> does in a browser. Create one with <see cref="InitializeAsync(EmbeddedOptions?, CancellationToken)"/>;
/// an instance is safe to use from several threads.
/// </summary>
public sealed class Embedded
{
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(
        new SocketsHttpHandler
        {
            // A redirect could lead to a host not in AllowedDomains; the protocol has none to follow.
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }));

    private readonly string _origin;
    private readonly TimeProvider _timeProvider;
    private readonly IPasskeyStore _store;
    private readonly DomainAllowList _allowList;
    private readonly BindingClient _client;

    private Embedded(EmbeddedOptions options, DomainAllowList allowList, IPasskeyStore store, HttpClient httpClient)
    {
        _origin = options.Origin;
        _timeProvider = options.TimeProvider;
        _store = store;
        _allowList = allowList;
        _client = new BindingClient(httpClient, _allowList);
    }

    /// <summary>
    /// Creates an SDK instance. With no options it keeps passkeys in the default store directory and talks to
    /// <c>localhost</c> only; see <see cref="EmbeddedOptions"/> for every default.
    /// </summary>
    /// <param name="options">The options, or <see langword="null"/> (the default) for <c>new EmbeddedOptions()</c>.</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The SDK instance.</returns>
    /// <exception cref="ArgumentException">An option is invalid, for example an entry of
    /// <see cref="EmbeddedOptions.AllowedDomains"/> with a scheme or port, or a key file inside the store directory.</exception>
    /// <exception cref="PassbindException">With <see cref="PassbindErrorCodes.StoreError"/> when the store directory
    /// cannot be created.</exception>
    public static Task<Embedded> InitializeAsync(
        EmbeddedOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new EmbeddedOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Origin, nameof(options));
        ArgumentNullException.ThrowIfNull(options.AllowedDomains, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TimeProvider, nameof(options));
        var allowList = new DomainAllowList(options.AllowedDomains);

        var store = options.PasskeyStore;
        if (store is null)
        {
            var fileStore = new FilePasskeyStore(options.StoreDirectory, options.StoreKeyFile);
            try
            {
                fileStore.EnsureDirectory();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new PassbindException(
                    PassbindErrorCodes.StoreError,
                    $"The store directory {options.StoreDirectory} could not be created.",
                    innerException: e);
            }

            store = fileStore;
        }

        var httpClient = options.HttpClient
            ?? (options.HttpMessageHandler is { } handler
                ? new HttpClient(handler, disposeHandler: false)
                : SharedHttpClient.Value);
        return Task.FromResult(new Embedded(options, allowList, store, httpClient));
    }

    /// <summary>
    /// Tells whether <paramref name="url"/> is a binding link of either form (binding-protocol.md §1):
    /// <c>…/v1/tenants/{t}/realms/{r}/identities/{i}/credential-binding-jobs/{job}:invokeAuthenticator?token=…</c>, or
    /// <c>{invoke_url}/bind?api_base_url=…&amp;tenant_id=…&amp;realm_id=…&amp;identity_id=…&amp;job_id=…&amp;token=…</c>
    /// (also <c>myapp://bind?…</c>). Like Beyond Identity's SDKs it checks the path and query only, not the host:
    /// <see cref="BindPasskeyAsync(string, CancellationToken)"/> checks the host. Never throws.
    /// </summary>
    /// <param name="url">The URL to check; <see langword="null"/> or empty gives <see langword="false"/>.</param>
    /// <returns><see langword="true"/> for a binding link, <see langword="false"/> for anything else.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Performance",
        "CA1822:Mark members as static",
        Justification = "An instance method by contract (product.md fixed point 7), like the JS SDK's embedded.isBindPasskeyUrl.")]
    public bool IsBindPasskeyUrl(string? url) => BindingLink.TryParse(url, out _);

    /// <summary>
    /// Creates a passkey on this device and binds it to the link's identity: asks the server for registration
    /// options, creates an ES256 key with a <c>packed</c> self attestation, completes the registration, and stores
    /// the key. The link is consumed only when the server accepts the passkey.
    /// </summary>
    /// <param name="url">A binding link of either form (see <see cref="IsBindPasskeyUrl(string?)"/>).</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The new passkey and the link's <c>post_binding_redirect_uri</c>.</returns>
    /// <exception cref="PassbindException">
    /// <see cref="PassbindErrorCodes.InvalidUrl"/> for a URL that is not a binding link;
    /// <see cref="PassbindErrorCodes.DomainNotAllowed"/> for a server not in <see cref="EmbeddedOptions.AllowedDomains"/>
    /// (nothing is sent); <see cref="PassbindErrorCodes.CredentialExcluded"/> when this device already holds a passkey
    /// the server excludes; <see cref="PassbindErrorCodes.NetworkError"/>, <see cref="PassbindErrorCodes.ServerError"/>;
    /// or the server's own code, such as <see cref="PassbindErrorCodes.LinkConsumed"/>, passed through unchanged.
    /// </exception>
    public async Task<BindPasskeyResponse> BindPasskeyAsync(string url, CancellationToken cancellationToken = default)
    {
        if (!BindingLink.TryParse(url, out var link))
        {
            throw new PassbindException(PassbindErrorCodes.InvalidUrl, "The URL is not a passkey binding link.");
        }

        // binding-protocol.md §1: refuse a host not allowed before sending anything (the token is a secret).
        if (!_allowList.IsAllowed(link.ApiBaseUrl))
        {
            throw new PassbindException(
                PassbindErrorCodes.DomainNotAllowed,
                $"The host {link.ApiBaseUrl.Host} is not in EmbeddedOptions.AllowedDomains.");
        }

        var options = await _client.GetRegistrationOptionsAsync(link, cancellationToken).ConfigureAwait(false);
        CheckRpId(options.Rp?.Id, link.ApiBaseUrl);
        await CheckExcludedAsync(options, cancellationToken).ConfigureAwait(false);

        var registration = SoftwareAuthenticator.Register(options, _origin);
        try
        {
            var completed = await _client
                .CompleteRegistrationAsync(link, registration.Credential, cancellationToken)
                .ConfigureAwait(false);

            var now = _timeProvider.GetUtcNow();
            var passkey = ToPasskey(completed, now);
            var stored = new StoredPasskey(
                passkey, registration.CredentialId, registration.RpId, registration.UserHandle, link.ApiBase, now);

            // NOTE: the server has consumed the link by now; cancelling here would lose a bound passkey.
            await _store.SaveAsync(stored, registration.PrivateKey, CancellationToken.None).ConfigureAwait(false);
            return new BindPasskeyResponse(passkey, completed.PostBindingRedirectUri);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(registration.PrivateKey);
        }
    }

    /// <summary>Lists the passkeys held on this device, oldest first. No server is contacted.</summary>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The passkeys; unreadable store entries are skipped.</returns>
    public async Task<IReadOnlyList<Passkey>> GetPasskeysAsync(CancellationToken cancellationToken = default)
    {
        var stored = await _store.ListAsync(cancellationToken).ConfigureAwait(false);
        return stored
            .OrderBy(s => s.LocalCreated)
            .ThenBy(s => s.Passkey.Id, StringComparer.Ordinal)
            .Select(s => s.Passkey)
            .ToList();
    }

    /// <summary>
    /// Deletes a passkey from this device, with its private key. The server's credential is not revoked (use the
    /// management API's <c>:revoke</c> for that). Deleting a passkey that does not exist is not an error.
    /// </summary>
    /// <param name="id">The passkey's local id, <see cref="Passkey.Id"/>.</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>A task that completes once the passkey is gone.</returns>
    public Task DeletePasskeyAsync(string id, CancellationToken cancellationToken = default) =>
        _store.DeleteAsync(id, cancellationToken);

    /// <summary>
    /// The RP ID must be the server's host or a parent domain of it (as WebAuthn L3 §5.1.3 step 8 asks of an
    /// origin's effective domain), or an allowed domain: a server may not make this device hold a passkey for
    /// someone else's site.
    /// </summary>
    private void CheckRpId(string? rpId, Uri apiBaseUrl)
    {
        if (string.IsNullOrEmpty(rpId))
        {
            throw new PassbindException(PassbindErrorCodes.ServerError, "The registration options name no rp.id.");
        }

        // NOTE: without the public suffix list, a parent "domain" must contain a dot; "localhost" passes by equality.
        var isParentOfServer = DomainAllowList.Matches(apiBaseUrl.Host, rpId)
            && (string.Equals(apiBaseUrl.Host, rpId, StringComparison.OrdinalIgnoreCase) || rpId.Contains('.', StringComparison.Ordinal));
        if (!isParentOfServer && !_allowList.IsAllowed(rpId))
        {
            throw new PassbindException(
                PassbindErrorCodes.RpIdNotAllowed,
                $"The server asked for a passkey for '{rpId}', which is neither its own domain nor an allowed one.");
        }
    }

    /// <summary>WebAuthn L3 §6.3.2 step 3: refuse when this device already holds an excluded credential for the RP.</summary>
    private async Task CheckExcludedAsync(PublicKeyCredentialCreationOptions options, CancellationToken cancellationToken)
    {
        var excluded = (options.ExcludeCredentials ?? [])
            .Where(d => d.Type is null or "public-key" && !string.IsNullOrEmpty(d.Id))
            .Select(d => d.Id!)
            .ToHashSet(StringComparer.Ordinal);
        if (excluded.Count == 0)
        {
            return;
        }

        var stored = await _store.ListAsync(cancellationToken).ConfigureAwait(false);
        if (stored.Any(s => excluded.Contains(s.CredentialId)
                && string.Equals(s.RpId, options.Rp?.Id, StringComparison.Ordinal)))
        {
            throw new PassbindException(
                PassbindErrorCodes.CredentialExcluded,
                "This device already holds a passkey for this identity; the server excludes a second one.");
        }
    }

    private static Passkey ToPasskey(CompleteRegistrationResponse completed, DateTimeOffset now)
    {
        var credential = completed.Credential;
        if (string.IsNullOrEmpty(credential?.Id) || string.IsNullOrEmpty(completed.Tenant?.Id)
            || string.IsNullOrEmpty(completed.Realm?.Id) || string.IsNullOrEmpty(completed.Identity?.Id))
        {
            throw new PassbindException(
                PassbindErrorCodes.ServerError, "The server's answer lacks the credential, tenant, realm or identity.");
        }

        var identity = completed.Identity;
        return new Passkey
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            PasskeyId = credential.Id,
            Created = credential.CreateTime ?? now,
            State = ToState(credential.State),
            KeyType = "subtle",
            Tenant = new PasskeyTenant(completed.Tenant.Id, completed.Tenant.DisplayName ?? string.Empty),
            Realm = new PasskeyRealm(completed.Realm.Id, completed.Realm.DisplayName ?? string.Empty),
            Identity = new PasskeyIdentity(
                identity.Id,
                identity.Username ?? string.Empty,
                identity.DisplayName,
                identity.PrimaryEmailAddress,
                identity.ExternalId),
            Theme = new PasskeyTheme(
                completed.Theme?.LogoUrlLight, completed.Theme?.LogoUrlDark, completed.Theme?.SupportUrl),
        };
    }

    /// <summary>The management API's states are SCREAMING_SNAKE (<c>ACTIVE</c>); the SDK's are PascalCase.</summary>
    private static PasskeyState ToState(string? state) => state?.Replace("_", string.Empty, StringComparison.Ordinal) switch
    {
        { } s when Enum.TryParse<PasskeyState>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
        _ => PasskeyState.Unknown,
    };
}
