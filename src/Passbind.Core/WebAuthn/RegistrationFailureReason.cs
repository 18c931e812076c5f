namespace Passbind.Core.WebAuthn;

/// <summary>
/// Why a registration response was refused. Each value has one stable snake_case code
/// (<see cref="RegistrationFailureReasonExtensions.ToCode"/>), the <c>reason</c> of
/// docs/binding-protocol.md §4.
/// </summary>
public enum RegistrationFailureReason
{
    /// <summary><c>invalid_request</c>: the RegistrationResponseJSON envelope is malformed (a missing or mistyped field, bad base64url, too large).</summary>
    InvalidRequest,

    /// <summary><c>invalid_client_data</c>: clientDataJSON is not UTF-8 JSON, has a mistyped or duplicate member, or a bad tokenBinding.</summary>
    InvalidClientData,

    /// <summary><c>client_data_type</c>: <c>type</c> is missing or not <c>webauthn.create</c>.</summary>
    ClientDataType,

    /// <summary><c>challenge_mismatch</c>: the challenge is not the one issued; the server answers <c>challenge_not_found</c>.</summary>
    ChallengeMismatch,

    /// <summary><c>origin_not_allowed</c>: the origin is not exactly one of the trusted origins.</summary>
    OriginNotAllowed,

    /// <summary><c>cross_origin</c>: <c>crossOrigin</c> is true; Passbind never expects to be framed.</summary>
    CrossOrigin,

    /// <summary><c>top_origin</c>: <c>topOrigin</c> is present; Passbind never expects to be framed.</summary>
    TopOrigin,

    /// <summary><c>rp_id_mismatch</c>: rpIdHash is not SHA-256 of the RP ID.</summary>
    RpIdMismatch,

    /// <summary><c>user_not_present</c>: the UP flag is clear.</summary>
    UserNotPresent,

    /// <summary><c>user_not_verified</c>: user verification is required and the UV flag is clear.</summary>
    UserNotVerified,

    /// <summary><c>invalid_backup_flags</c>: BS is set while BE is clear.</summary>
    InvalidBackupFlags,

    /// <summary><c>algorithm_not_allowed</c>: the credential key's algorithm is missing or was not offered.</summary>
    AlgorithmNotAllowed,

    /// <summary><c>invalid_attestation</c>: the attestation object or statement is malformed, of a refused format, or does not verify.</summary>
    InvalidAttestation,

    /// <summary><c>credential_id_mismatch</c>: <c>id</c> is not base64url(<c>rawId</c>), or <c>rawId</c> is not the attested credential id.</summary>
    CredentialIdMismatch,

    /// <summary><c>credential_id_too_long</c>: the credential id exceeds 1023 bytes.</summary>
    CredentialIdTooLong,

    /// <summary><c>invalid_authenticator_data</c>: authData is truncated, has leftover bytes, bad extensions, or no attested credential data.</summary>
    InvalidAuthenticatorData,

    /// <summary><c>invalid_public_key</c>: the credential public key is malformed, not on its curve, or too weak.</summary>
    InvalidPublicKey,
}
