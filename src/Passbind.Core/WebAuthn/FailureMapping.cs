using Fido2NetLib.Exceptions;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// Turns shared-check failures and Fido2NetLib's error codes into each ceremony's public reason. Most
/// Fido2NetLib codes are unreachable in practice, because Passbind's own checks run first and are stricter.
/// </summary>
internal static class FailureMapping
{
    public static RegistrationFailureReason ToRegistration(CeremonyFailure failure) => failure switch
    {
        CeremonyFailure.InvalidClientData => RegistrationFailureReason.InvalidClientData,
        CeremonyFailure.ClientDataType => RegistrationFailureReason.ClientDataType,
        CeremonyFailure.ChallengeMismatch => RegistrationFailureReason.ChallengeMismatch,
        CeremonyFailure.OriginNotAllowed => RegistrationFailureReason.OriginNotAllowed,
        CeremonyFailure.CrossOrigin => RegistrationFailureReason.CrossOrigin,
        CeremonyFailure.TopOrigin => RegistrationFailureReason.TopOrigin,
        CeremonyFailure.RpIdMismatch => RegistrationFailureReason.RpIdMismatch,
        CeremonyFailure.UserNotPresent => RegistrationFailureReason.UserNotPresent,
        CeremonyFailure.UserNotVerified => RegistrationFailureReason.UserNotVerified,
        CeremonyFailure.InvalidBackupFlags => RegistrationFailureReason.InvalidBackupFlags,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };

    public static AuthenticationFailureReason ToAuthentication(CeremonyFailure failure) => failure switch
    {
        CeremonyFailure.InvalidClientData => AuthenticationFailureReason.InvalidClientData,
        CeremonyFailure.ClientDataType => AuthenticationFailureReason.ClientDataType,
        CeremonyFailure.ChallengeMismatch => AuthenticationFailureReason.ChallengeMismatch,
        CeremonyFailure.OriginNotAllowed => AuthenticationFailureReason.OriginNotAllowed,
        CeremonyFailure.CrossOrigin => AuthenticationFailureReason.CrossOrigin,
        CeremonyFailure.TopOrigin => AuthenticationFailureReason.TopOrigin,
        CeremonyFailure.RpIdMismatch => AuthenticationFailureReason.RpIdMismatch,
        CeremonyFailure.UserNotPresent => AuthenticationFailureReason.UserNotPresent,
        CeremonyFailure.UserNotVerified => AuthenticationFailureReason.UserNotVerified,
        CeremonyFailure.InvalidBackupFlags => AuthenticationFailureReason.InvalidBackupFlags,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };

    /// <summary>Fido2NetLib's verdict on an attestation; anything unrecognised is a refused attestation.</summary>
    public static RegistrationFailureReason ToRegistration(Fido2ErrorCode code) => code switch
    {
        Fido2ErrorCode.InvalidRpidHash => RegistrationFailureReason.RpIdMismatch,
        Fido2ErrorCode.UserPresentFlagNotSet => RegistrationFailureReason.UserNotPresent,
        Fido2ErrorCode.UserVerificationRequirementNotMet => RegistrationFailureReason.UserNotVerified,
        Fido2ErrorCode.InvalidBackupFlags
            or Fido2ErrorCode.BackupEligibilityRequirementNotMet
            or Fido2ErrorCode.BackupStateRequirementNotMet => RegistrationFailureReason.InvalidBackupFlags,
        Fido2ErrorCode.CredentialAlgorithmRequirementNotMet => RegistrationFailureReason.AlgorithmNotAllowed,
        Fido2ErrorCode.MissingAuthenticatorResponseChallenge
            or Fido2ErrorCode.InvalidAuthenticatorResponseChallenge => RegistrationFailureReason.ChallengeMismatch,
        Fido2ErrorCode.MissingAuthenticatorResponseOrigin
            or Fido2ErrorCode.InvalidAuthenticatorResponseOrigin => RegistrationFailureReason.OriginNotAllowed,
        Fido2ErrorCode.CrossOriginRequestNotAllowed => RegistrationFailureReason.CrossOrigin,
        Fido2ErrorCode.InvalidAuthenticatorResponseTopOrigin => RegistrationFailureReason.TopOrigin,
        Fido2ErrorCode.InvalidAuthenticatorResponse
            or Fido2ErrorCode.MalformedAuthenticatorResponse => RegistrationFailureReason.InvalidClientData,
        Fido2ErrorCode.MissingAuthenticatorData
            or Fido2ErrorCode.InvalidAuthenticatorData
            or Fido2ErrorCode.AttestedCredentialDataFlagNotSet
            or Fido2ErrorCode.InvalidAttestedCredentialData
            or Fido2ErrorCode.MalformedExtensionsDetected
            or Fido2ErrorCode.UnexpectedExtensionsDetected
            or Fido2ErrorCode.UnexpectedExtensions => RegistrationFailureReason.InvalidAuthenticatorData,
        Fido2ErrorCode.InvalidCredentialPublicKey
            or Fido2ErrorCode.UnimplementedAlgorithm => RegistrationFailureReason.InvalidPublicKey,
        Fido2ErrorCode.InvalidAttestationResponse => RegistrationFailureReason.InvalidRequest,
        _ => RegistrationFailureReason.InvalidAttestation,
    };

    /// <summary>Fido2NetLib's verdict on an assertion; anything unrecognised is a signature that did not verify.</summary>
    public static AuthenticationFailureReason ToAuthentication(Fido2ErrorCode code) => code switch
    {
        Fido2ErrorCode.InvalidRpidHash => AuthenticationFailureReason.RpIdMismatch,
        Fido2ErrorCode.UserPresentFlagNotSet => AuthenticationFailureReason.UserNotPresent,
        Fido2ErrorCode.UserVerificationRequirementNotMet => AuthenticationFailureReason.UserNotVerified,
        Fido2ErrorCode.InvalidBackupFlags
            or Fido2ErrorCode.BackupEligibilityRequirementNotMet
            or Fido2ErrorCode.BackupStateRequirementNotMet => AuthenticationFailureReason.InvalidBackupFlags,
        Fido2ErrorCode.MissingAuthenticatorResponseChallenge
            or Fido2ErrorCode.InvalidAuthenticatorResponseChallenge => AuthenticationFailureReason.ChallengeMismatch,
        Fido2ErrorCode.MissingAuthenticatorResponseOrigin
            or Fido2ErrorCode.InvalidAuthenticatorResponseOrigin => AuthenticationFailureReason.OriginNotAllowed,
        Fido2ErrorCode.CrossOriginRequestNotAllowed => AuthenticationFailureReason.CrossOrigin,
        Fido2ErrorCode.InvalidAuthenticatorResponseTopOrigin => AuthenticationFailureReason.TopOrigin,
        Fido2ErrorCode.InvalidAuthenticatorResponse
            or Fido2ErrorCode.MalformedAuthenticatorResponse => AuthenticationFailureReason.InvalidClientData,
        Fido2ErrorCode.MissingAuthenticatorData
            or Fido2ErrorCode.InvalidAuthenticatorData
            or Fido2ErrorCode.MalformedExtensionsDetected
            or Fido2ErrorCode.UnexpectedExtensionsDetected
            or Fido2ErrorCode.UnexpectedExtensions => AuthenticationFailureReason.InvalidAuthenticatorData,
        Fido2ErrorCode.InvalidSignCount => AuthenticationFailureReason.SignCountRegressed,
        _ => AuthenticationFailureReason.InvalidSignature,
    };
}
