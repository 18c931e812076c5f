namespace Passbind.Core.WebAuthn;

/// <summary>
/// Why an assertion was refused. Each value has one stable snake_case code
/// (<see cref="AuthenticationFailureReasonExtensions.ToCode"/>); the codes shared with registration are the
/// same words as <see cref="RegistrationFailureReason"/>'s. Servers report every one of them alike to the
/// client where telling them apart would reveal whether a credential exists.
/// </summary>
public enum AuthenticationFailureReason
{
    /// <summary><c>invalid_request</c>: the AuthenticationResponseJSON envelope is malformed (a missing or mistyped field, bad base64url, id ≠ rawId, too large).</summary>
    InvalidRequest,

    /// <summary><c>invalid_client_data</c>: clientDataJSON is not UTF-8 JSON, has a mistyped or duplicate member, or a bad tokenBinding.</summary>
    InvalidClientData,

    /// <summary><c>client_data_type</c>: <c>type</c> is missing or not <c>webauthn.get</c>.</summary>
    ClientDataType,

    /// <summary><c>challenge_mismatch</c>: the challenge is not the one issued.</summary>
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

    /// <summary><c>invalid_backup_flags</c>: BS is set while BE is clear, or BE differs from the credential record's.</summary>
    InvalidBackupFlags,

    /// <summary><c>invalid_signature</c>: the signature does not verify with the stored public key.</summary>
    InvalidSignature,

    /// <summary><c>sign_count_regressed</c>: a counter is non-zero and the new one is not greater than the stored one (a clone signal).</summary>
    SignCountRegressed,

    /// <summary>
    /// <c>credential_not_allowed</c>: the credential is not in allowCredentials, is not the credential record's,
    /// or userHandle is missing where required or names another user.
    /// </summary>
    CredentialNotAllowed,

    /// <summary><c>invalid_authenticator_data</c>: authenticatorData is truncated, has leftover bytes, bad extensions, or attested credential data.</summary>
    InvalidAuthenticatorData,
}
