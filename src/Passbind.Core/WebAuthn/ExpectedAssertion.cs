namespace Passbind.Core.WebAuthn;

/// <summary>
/// The server-stored state of one authentication ceremony, against which an assertion is verified. Nothing
/// here may come from the client's request.
/// </summary>
/// <param name="Challenge">The challenge issued by <see cref="AuthenticationOptionsFactory"/> and stored for the ceremony.</param>
/// <param name="RpId">The RP ID the options named.</param>
/// <param name="TrustedOrigins">The authenticator config's <c>trusted_origins</c>, compared as exact strings.</param>
/// <param name="UserVerificationRequired">Whether the UV flag must be set.</param>
/// <param name="AllowCredentialIds">
/// The options' <c>allowCredentials</c> ids. Empty means a discoverable credential was asked for, the user was
/// not identified beforehand, and the assertion must then carry a <c>userHandle</c> (§7.2 step 6).
/// </param>
/// <param name="Credential">The stored credential whose id is the assertion's <c>rawId</c>.</param>
public sealed record ExpectedAssertion(
    ReadOnlyMemory<byte> Challenge,
    string RpId,
    IReadOnlyCollection<string> TrustedOrigins,
    bool UserVerificationRequired,
    IReadOnlyCollection<ReadOnlyMemory<byte>> AllowCredentialIds,
    CredentialRecord Credential);
