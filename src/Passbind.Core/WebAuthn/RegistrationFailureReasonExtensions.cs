namespace Passbind.Core.WebAuthn;

/// <summary>The wire codes of <see cref="RegistrationFailureReason"/>.</summary>
public static class RegistrationFailureReasonExtensions
{
    /// <summary>The stable snake_case code of <paramref name="reason"/>, as docs/binding-protocol.md §4 lists it.</summary>
    public static string ToCode(this RegistrationFailureReason reason) => reason switch
    {
        RegistrationFailureReason.InvalidRequest => "invalid_request",
        RegistrationFailureReason.InvalidClientData => "invalid_client_data",
        RegistrationFailureReason.ClientDataType => "client_data_type",
        RegistrationFailureReason.ChallengeMismatch => "challenge_mismatch",
        RegistrationFailureReason.OriginNotAllowed => "origin_not_allowed",
        RegistrationFailureReason.CrossOrigin => "cross_origin",
        RegistrationFailureReason.TopOrigin => "top_origin",
        RegistrationFailureReason.RpIdMismatch => "rp_id_mismatch",
        RegistrationFailureReason.UserNotPresent => "user_not_present",
        RegistrationFailureReason.UserNotVerified => "user_not_verified",
        RegistrationFailureReason.InvalidBackupFlags => "invalid_backup_flags",
        RegistrationFailureReason.AlgorithmNotAllowed => "algorithm_not_allowed",
        RegistrationFailureReason.InvalidAttestation => "invalid_attestation",
        RegistrationFailureReason.CredentialIdMismatch => "credential_id_mismatch",
        RegistrationFailureReason.CredentialIdTooLong => "credential_id_too_long",
        RegistrationFailureReason.InvalidAuthenticatorData => "invalid_authenticator_data",
        RegistrationFailureReason.InvalidPublicKey => "invalid_public_key",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
