namespace Passbind.Core.WebAuthn;

/// <summary>The wire codes of <see cref="AuthenticationFailureReason"/>.</summary>
public static class AuthenticationFailureReasonExtensions
{
    /// <summary>The stable snake_case code of <paramref name="reason"/>, the <c>reason</c> of an <c>authentication_failed</c> error.</summary>
    public static string ToCode(this AuthenticationFailureReason reason) => reason switch
    {
        AuthenticationFailureReason.InvalidRequest => "invalid_request",
        AuthenticationFailureReason.InvalidClientData => "invalid_client_data",
        AuthenticationFailureReason.ClientDataType => "client_data_type",
        AuthenticationFailureReason.ChallengeMismatch => "challenge_mismatch",
        AuthenticationFailureReason.OriginNotAllowed => "origin_not_allowed",
        AuthenticationFailureReason.CrossOrigin => "cross_origin",
        AuthenticationFailureReason.TopOrigin => "top_origin",
        AuthenticationFailureReason.RpIdMismatch => "rp_id_mismatch",
        AuthenticationFailureReason.UserNotPresent => "user_not_present",
        AuthenticationFailureReason.UserNotVerified => "user_not_verified",
        AuthenticationFailureReason.InvalidBackupFlags => "invalid_backup_flags",
        AuthenticationFailureReason.InvalidSignature => "invalid_signature",
        AuthenticationFailureReason.SignCountRegressed => "sign_count_regressed",
        AuthenticationFailureReason.CredentialNotAllowed => "credential_not_allowed",
        AuthenticationFailureReason.InvalidAuthenticatorData => "invalid_authenticator_data",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
