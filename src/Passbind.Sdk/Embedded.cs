using System.Security.Cryptography;
using Passbind.Sdk.Authenticator;
using Passbind.Sdk.Links;
using Passbind.Sdk.Protocol;
using Passbind.Sdk.Storage;

namespace Passbind.Sdk;

/// <summary>
/// The Embedded SDK for .NET: binds passkeys from binding links, keeps them on this device, and signs in with them, as
/// the browser SDK's <c>Embedded</c> does in a browser. Create one with <see cref="InitializeAsync(EmbeddedOptions?, CancellationToken)"/>;
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
    private readonly ProtocolClient _client;

    private Embedded(EmbeddedOptions options, DomainAllowList allowList, IPasskeyStore store, HttpClient httpClient)
    {
        _origin = options.Origin;
        _timeProvider = options.TimeProvider;
        _store = store;
        _allowList = allowList;
        _client = new ProtocolClient(httpClient, _allowList);
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

    /// <summary>
    /// Tells whether <paramref name="url"/> is an authenticate URL (sign-in-protocol.md §2):
    /// <c>…/bi-authenticate?request=&lt;JWT&gt;</c> (also <c>myapp://bi-authenticate?…</c>) whose JWT payload names a
    /// sign-in transaction (<c>authn.action.prove.transaction_id</c>). The JWT is read, not verified (the server does
    /// that), and the host is not checked: the sign-in methods check it. Never throws.
    /// </summary>
    /// <param name="url">The URL to check; <see langword="null"/> or empty gives <see langword="false"/>.</param>
    /// <returns><see langword="true"/> for an authenticate URL, <see langword="false"/> for anything else.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Performance",
        "CA1822:Mark members as static",
        Justification = "An instance method by contract (product.md fixed point 7), like the JS SDK's embedded.isAuthenticateUrl.")]
    public bool IsAuthenticateUrl(string? url) => AuthenticateLink.TryParse(url, out _);

    /// <summary>
    /// Describes the sign-in of an authenticate URL: the application asking, the methods its authenticator config
    /// allows, and where the request came from.
    /// </summary>
    /// <param name="url">An authenticate URL (see <see cref="IsAuthenticateUrl(string?)"/>).</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The context; <see cref="AuthenticationContext.AuthUrl"/> is the URL given when the server names no other.</returns>
    /// <exception cref="PassbindException">
    /// <see cref="PassbindErrorCodes.InvalidUrl"/>, <see cref="PassbindErrorCodes.DomainNotAllowed"/> (nothing is sent),
    /// <see cref="PassbindErrorCodes.NetworkError"/>, <see cref="PassbindErrorCodes.ServerError"/>, or the server's code,
    /// such as <see cref="PassbindErrorCodes.TransactionExpired"/>.
    /// </exception>
    public async Task<AuthenticationContext> GetAuthenticationContextAsync(
        string url, CancellationToken cancellationToken = default)
    {
        var link = ParseAuthenticateLink(url);
        var context = await _client.GetAuthenticationContextAsync(link, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(context.Application?.Id))
        {
            throw new PassbindException(PassbindErrorCodes.ServerError, "The server's answer names no application.");
        }

        return new AuthenticationContext(
            string.IsNullOrEmpty(context.AuthUrl) ? link.Url : context.AuthUrl,
            (context.AuthMethods ?? [])
                .Where(m => !string.IsNullOrEmpty(m?.Type))
                .Select(m => new AuthenticationMethod(m!.Type!))
                .ToList(),
            new AuthenticationApplication(context.Application.Id, context.Application.DisplayName),
            new AuthenticationOrigin(
                context.Origin?.SourceIp, context.Origin?.UserAgent, context.Origin?.Geolocation, context.Origin?.Referer));
    }

    /// <summary>
    /// Signs in with a passkey held on this device: asks the server for assertion options for that passkey, signs them
    /// with its stored key (ES256, the counter moved on and stored first, the origin <see cref="EmbeddedOptions.Origin"/>),
    /// and completes the transaction. The app then hands <see cref="AuthenticateResponse.RedirectUrl"/> to its OIDC
    /// client, which exchanges the code for tokens.
    /// </summary>
    /// <param name="url">An authenticate URL (see <see cref="IsAuthenticateUrl(string?)"/>).</param>
    /// <param name="passkeyId">
    /// The local id of the passkey to sign with, <see cref="Passkey.Id"/>; or <see langword="null"/>, to sign with the
    /// one passkey on this device of the sign-in's tenant and realm, as an authenticator with a single discoverable
    /// credential would.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The redirect URL carrying the code and state, the server's message, and the passkey that signed.</returns>
    /// <exception cref="ArgumentException"><paramref name="passkeyId"/> is empty.</exception>
    /// <exception cref="PassbindException">
    /// <see cref="PassbindErrorCodes.InvalidUrl"/>; <see cref="PassbindErrorCodes.DomainNotAllowed"/> for a server not in
    /// <see cref="EmbeddedOptions.AllowedDomains"/> (nothing is sent); <see cref="PassbindErrorCodes.PasskeyNotFound"/>
    /// when no passkey here has that id (or, without an id, none is of the sign-in's realm), it belongs to another
    /// realm, or the server asked for another one; <see cref="PassbindErrorCodes.PasskeyAmbiguous"/> without an id when
    /// several are;
    /// <see cref="PassbindErrorCodes.RpIdNotAllowed"/>; <see cref="PassbindErrorCodes.NetworkError"/>,
    /// <see cref="PassbindErrorCodes.ServerError"/>; or the server's own code, such as
    /// <see cref="PassbindErrorCodes.AuthenticationFailed"/> or <see cref="PassbindErrorCodes.TransactionExpired"/>.
    /// </exception>
    public async Task<AuthenticateResponse> AuthenticateAsync(
        string url, string? passkeyId, CancellationToken cancellationToken = default)
    {
        if (passkeyId is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(passkeyId);
        }

        var link = ParseAuthenticateLink(url);
        var stored = await FindPasskeyAsync(link, passkeyId, cancellationToken).ConfigureAwait(false);

        // A passkey of another realm would only be refused by the server, as an unknown credential would.
        if (!string.Equals(stored.Passkey.Tenant.Id, link.TenantId, StringComparison.Ordinal)
            || !string.Equals(stored.Passkey.Realm.Id, link.RealmId, StringComparison.Ordinal))
        {
            throw new PassbindException(
                PassbindErrorCodes.PasskeyNotFound, "This passkey belongs to another realm than the sign-in.");
        }

        var options = await _client
            .GetAuthenticationOptionsAsync(link, stored.CredentialId, cancellationToken).ConfigureAwait(false);

        // WebAuthn L3 §5.1.4.1 step 8 and §6.3.3 step 3: the credential must be scoped to the options' RP ID (by default
        // the one it was made for), and listed when the server lists any; the RP ID must be this server's to ask for.
        var rpId = string.IsNullOrEmpty(options.RpId) ? stored.RpId : options.RpId;
        CheckRpId(rpId, link.BaseUrl!); // ParseAuthenticateLink returns complete links only
        var allowed = options.AllowCredentials ?? [];
        if (!string.Equals(rpId, stored.RpId, StringComparison.Ordinal)
            || (allowed.Count > 0 && !allowed.Any(d => d.Type is null or "public-key"
                && string.Equals(d.Id, stored.CredentialId, StringComparison.Ordinal))))
        {
            throw new PassbindException(
                PassbindErrorCodes.PasskeyNotFound, "This passkey cannot sign in here: the server asked for another one.");
        }

        var privateKey = await _store.GetPrivateKeyAsync(stored.Passkey.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new PassbindException(PassbindErrorCodes.PasskeyNotFound, "The passkey's private key is gone.");
        try
        {
            // Stored before signing: a crash may skip a count, never repeat one.
            var signCount = await _store.NextSignCountAsync(stored.Passkey.Id, cancellationToken).ConfigureAwait(false);
            var assertion = SoftwareAuthenticator.Assert(
                options, _origin, stored.RpId, stored.CredentialId, stored.UserHandle, privateKey, signCount);
            var completed = await _client
                .CompleteAuthenticationAsync(link, assertion, cancellationToken).ConfigureAwait(false);
            return new AuthenticateResponse(RedirectUrl(completed), completed.Message, stored.Passkey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>
    /// Starts a sign-in with an email one-time code. The server answers the same whether or not an identity has the
    /// address; when one has, it mails a code. Pass the returned URL and the code the user types to
    /// <see cref="RedeemOtpAsync(string, string, CancellationToken)"/>.
    /// </summary>
    /// <param name="url">An authenticate URL (see <see cref="IsAuthenticateUrl(string?)"/>).</param>
    /// <param name="email">The user's email address.</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The authenticate URL to continue with.</returns>
    /// <exception cref="ArgumentException"><paramref name="email"/> is null or blank.</exception>
    /// <exception cref="PassbindException">As <see cref="GetAuthenticationContextAsync(string, CancellationToken)"/>.</exception>
    public async Task<AuthenticateOtpResponse> AuthenticateOtpAsync(
        string url, string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var link = ParseAuthenticateLink(url);
        var response = await _client.AuthenticateOtpAsync(link, email.Trim(), cancellationToken).ConfigureAwait(false);
        return new AuthenticateOtpResponse(string.IsNullOrEmpty(response.Url) ? link.Url : response.Url);
    }

    /// <summary>
    /// Finishes a one-time-code sign-in. When the identity has no passkey on this device the answer carries
    /// <see cref="AuthenticateResponse.PasskeyBindingToken"/>.
    /// </summary>
    /// <param name="url">The URL <see cref="AuthenticateOtpAsync(string, string, CancellationToken)"/> returned.</param>
    /// <param name="otp">The code the user typed.</param>
    /// <param name="cancellationToken">Cancels the operation. Default: none.</param>
    /// <returns>The redirect URL carrying the code and state; <see cref="AuthenticateResponse.Passkey"/> is null.</returns>
    /// <exception cref="ArgumentException"><paramref name="otp"/> is null or blank.</exception>
    /// <exception cref="PassbindException">
    /// <see cref="PassbindErrorCodes.OtpInvalid"/> for a wrong code (the user may try again);
    /// <see cref="PassbindErrorCodes.OtpExpired"/> for an expired, used or exhausted one; else as
    /// <see cref="GetAuthenticationContextAsync(string, CancellationToken)"/>.
    /// </exception>
    public async Task<AuthenticateResponse> RedeemOtpAsync(string url, string otp, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(otp);
        var link = ParseAuthenticateLink(url);
        var completed = await _client.RedeemOtpAsync(link, otp.Trim(), cancellationToken).ConfigureAwait(false);
        return new AuthenticateResponse(RedirectUrl(completed), completed.Message, Passkey: null)
        {
            PasskeyBindingToken = string.IsNullOrEmpty(completed.PasskeyBindingToken) ? null : completed.PasskeyBindingToken,
        };
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

    /// <summary>The passkey with this id, or, without one, the only passkey of the link's tenant and realm.</summary>
    private async Task<StoredPasskey> FindPasskeyAsync(
        AuthenticateLink link, string? passkeyId, CancellationToken cancellationToken)
    {
        var stored = await _store.ListAsync(cancellationToken).ConfigureAwait(false);
        if (passkeyId is not null)
        {
            return stored.FirstOrDefault(s => string.Equals(s.Passkey.Id, passkeyId, StringComparison.Ordinal))
                ?? throw new PassbindException(PassbindErrorCodes.PasskeyNotFound, "No passkey on this device has this id.");
        }

        var ofRealm = stored
            .Where(s => string.Equals(s.Passkey.Tenant.Id, link.TenantId, StringComparison.Ordinal)
                && string.Equals(s.Passkey.Realm.Id, link.RealmId, StringComparison.Ordinal))
            .ToList();
        return ofRealm.Count switch
        {
            1 => ofRealm[0],
            0 => throw new PassbindException(
                PassbindErrorCodes.PasskeyNotFound, "No passkey on this device belongs to the sign-in's realm."),
            _ => throw new PassbindException(
                PassbindErrorCodes.PasskeyAmbiguous,
                $"{ofRealm.Count} passkeys on this device belong to the sign-in's realm; say which one to use."),
        };
    }

    /// <summary>Parses an authenticate URL and checks its server is allowed, before anything is sent.</summary>
    private AuthenticateLink ParseAuthenticateLink(string url)
    {
        if (!AuthenticateLink.TryParse(url, out var link))
        {
            throw new PassbindException(PassbindErrorCodes.InvalidUrl, "The URL is not an authenticate URL.");
        }

        if (!link.IsComplete)
        {
            throw new PassbindException(
                PassbindErrorCodes.InvalidUrl, "The authenticate URL's request names no server, tenant or realm.");
        }

        // The request JWT is the transaction's capability: it goes only to an allowed host.
        if (!_allowList.IsAllowed(link.BaseUrl))
        {
            throw new PassbindException(
                PassbindErrorCodes.DomainNotAllowed,
                $"The host {link.BaseUrl.Host} is not in EmbeddedOptions.AllowedDomains.");
        }

        return link;
    }

    private static string RedirectUrl(CompleteAuthenticationResponse completed) =>
        string.IsNullOrEmpty(completed.RedirectUrl)
            ? throw new PassbindException(PassbindErrorCodes.ServerError, "The server's answer has no redirect_url.")
            : completed.RedirectUrl;

    /// <summary>
    /// The RP ID must be the server's host or a parent domain of it (as WebAuthn L3 §5.1.3 step 8 asks of an
    /// origin's effective domain), or an allowed domain: a server may not make this device hold a passkey for
    /// someone else's site.
    /// </summary>
    private void CheckRpId(string? rpId, Uri apiBaseUrl)
    {
        if (string.IsNullOrEmpty(rpId))
        {
            throw new PassbindException(PassbindErrorCodes.ServerError, "The server's options name no RP ID.");
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
