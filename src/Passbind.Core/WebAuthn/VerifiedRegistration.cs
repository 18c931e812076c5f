namespace Passbind.Core.WebAuthn;

/// <summary>A registration response that passed every check: what the server stores as the passkey.</summary>
/// <param name="CredentialId">The credential id (≤ 1023 bytes).</param>
/// <param name="CredentialPublicKey">The COSE_Key bytes exactly as the authenticator sent them.</param>
/// <param name="Algorithm">The key's COSE algorithm (<see cref="CoseAlgorithms"/>).</param>
/// <param name="JwkJson">The public key as a JWK (RFC 7517) holding only RFC 7638's required members, in lexicographic order.</param>
/// <param name="JwkThumbprint">The RFC 7638 SHA-256 thumbprint of <paramref name="JwkJson"/>, base64url without padding.</param>
/// <param name="SignCount">The authenticator's signature counter.</param>
/// <param name="BackupEligible">The BE flag; it never changes for a credential.</param>
/// <param name="BackupState">The BS flag.</param>
/// <param name="UserVerified">The UV flag (the record's initial <c>uvInitialized</c>).</param>
/// <param name="AttestationFormat"><c>none</c> or <c>packed</c>.</param>
/// <param name="AttestationType"><c>None</c>, <c>Self</c>, or the X.509 type Fido2NetLib reports for full packed attestation.</param>
/// <param name="Aaguid">The authenticator's AAGUID (all zeros when it does not say).</param>
/// <param name="Transports">The transports the client reported, as given, unknown values included.</param>
/// <param name="AuthenticatorAttachment">The client's <c>authenticatorAttachment</c>, if any.</param>
/// <param name="IsDiscoverable"><c>clientExtensionResults.credProps.rk</c>, if the client reported it.</param>
public sealed record VerifiedRegistration(
    ReadOnlyMemory<byte> CredentialId,
    ReadOnlyMemory<byte> CredentialPublicKey,
    int Algorithm,
    string JwkJson,
    string JwkThumbprint,
    uint SignCount,
    bool BackupEligible,
    bool BackupState,
    bool UserVerified,
    string AttestationFormat,
    string AttestationType,
    Guid Aaguid,
    IReadOnlyList<string> Transports,
    string? AuthenticatorAttachment,
    bool? IsDiscoverable);
