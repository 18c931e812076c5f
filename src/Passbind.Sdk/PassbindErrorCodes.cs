namespace Passbind.Sdk;

/// <summary>
/// The values of <see cref="PassbindException.Code"/>. Codes the server sends (binding-protocol.md §4,
/// sign-in-protocol.md §7) are passed through unchanged, so a code not listed here may still appear.
/// </summary>
public static class PassbindErrorCodes
{
    /// <summary>The URL is not a binding link of either form, or not an authenticate URL (for the sign-in methods).</summary>
    public const string InvalidUrl = "invalid_url";

    /// <summary>The link's server is not in <see cref="EmbeddedOptions.AllowedDomains"/>; nothing was sent.</summary>
    public const string DomainNotAllowed = "domain_not_allowed";

    /// <summary>A passkey was already bound with this link (server, 410).</summary>
    public const string LinkConsumed = "link_consumed";

    /// <summary>The link has expired (server, 410).</summary>
    public const string LinkExpired = "link_expired";

    /// <summary>The link was revoked (server, 410).</summary>
    public const string LinkRevoked = "link_revoked";

    /// <summary>No such link, or its token does not match (server, 404).</summary>
    public const string LinkNotFound = "link_not_found";

    /// <summary>The server answered something this SDK cannot use (no error body, malformed JSON, a redirect).</summary>
    public const string ServerError = "server_error";

    /// <summary>The server could not be reached, or did not answer in time.</summary>
    public const string NetworkError = "network_error";

    /// <summary>The request was malformed (server, 400).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The authenticator config does not allow software passkeys (server, 403).</summary>
    public const string KeyTypeNotAllowed = "key_type_not_allowed";

    /// <summary>
    /// <see cref="EmbeddedOptions.Origin"/> is not in the authenticator config's <c>trusted_origins</c> (server, 403).
    /// </summary>
    public const string OriginNotAllowed = "origin_not_allowed";

    /// <summary>The challenge was not issued for this job (server, 400).</summary>
    public const string ChallengeNotFound = "challenge_not_found";

    /// <summary>The challenge's timeout passed before the registration completed (server, 400).</summary>
    public const string ChallengeExpired = "challenge_expired";

    /// <summary>A WebAuthn check failed on the server; <see cref="PassbindException.Reason"/> names it (400).</summary>
    public const string RegistrationFailed = "registration_failed";

    /// <summary>The credential id is already registered on the server (409).</summary>
    public const string CredentialExists = "credential_exists";

    /// <summary>
    /// This device already holds a passkey the server listed in <c>excludeCredentials</c>: the identity already has
    /// a passkey here. Nothing was created.
    /// </summary>
    public const string CredentialExcluded = "credential_excluded";

    /// <summary>The server accepts none of the algorithms this SDK can create (it creates ES256 keys).</summary>
    public const string UnsupportedAlgorithm = "unsupported_algorithm";

    /// <summary>
    /// The server asked for a passkey scoped to an RP ID that is neither in <see cref="EmbeddedOptions.AllowedDomains"/>
    /// nor the server's host or a parent domain of it.
    /// </summary>
    public const string RpIdNotAllowed = "rp_id_not_allowed";

    /// <summary>The passkey store could not be read or written, or a stored key failed to decrypt.</summary>
    public const string StoreError = "store_error";

    /// <summary>
    /// No passkey on this device has the id given, it belongs to another realm than the sign-in, or the server asked
    /// for another credential. Nothing was signed.
    /// </summary>
    public const string PasskeyNotFound = "passkey_not_found";

    /// <summary>
    /// <see cref="Embedded.AuthenticateAsync(string, string?, CancellationToken)"/> was given no passkey id, and several
    /// passkeys on this device belong to the sign-in's realm. Nothing was sent.
    /// </summary>
    public const string PasskeyAmbiguous = "passkey_ambiguous";

    /// <summary>The request JWT names no transaction, or it is unknown or belongs to another realm (server, 404).</summary>
    public const string TransactionNotFound = "transaction_not_found";

    /// <summary>The sign-in transaction's ten minutes have passed (server, 410).</summary>
    public const string TransactionExpired = "transaction_expired";

    /// <summary>The sign-in transaction has already produced a code (server, 410).</summary>
    public const string TransactionCompleted = "transaction_completed";

    /// <summary>
    /// A WebAuthn check of the assertion failed on the server; <see cref="PassbindException.Reason"/> names it, for example
    /// <c>credential_not_allowed</c> for a revoked, suspended or unknown passkey (400).
    /// </summary>
    public const string AuthenticationFailed = "authentication_failed";

    /// <summary>The one-time code is wrong; the user may try again a few times (server, 400).</summary>
    public const string OtpInvalid = "otp_invalid";

    /// <summary>The one-time code has expired, was used, or ran out of tries (server, 410).</summary>
    public const string OtpExpired = "otp_expired";

    /// <summary>Too many requests; try again later (server, 429).</summary>
    public const string RateLimited = "rate_limited";
}
