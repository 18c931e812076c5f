using Fido2NetLib.Exceptions;
using Passbind.Core.WebAuthn;

namespace Passbind.Core.Tests.WebAuthn;

/// <summary>Fido2NetLib's error codes map to Passbind's reasons (most are caught earlier by Passbind's own checks).</summary>
public sealed class FailureMappingTests
{
    [Theory]
    [InlineData(Fido2ErrorCode.InvalidRpidHash, RegistrationFailureReason.RpIdMismatch)]
    [InlineData(Fido2ErrorCode.UserPresentFlagNotSet, RegistrationFailureReason.UserNotPresent)]
    [InlineData(Fido2ErrorCode.UserVerificationRequirementNotMet, RegistrationFailureReason.UserNotVerified)]
    [InlineData(Fido2ErrorCode.InvalidBackupFlags, RegistrationFailureReason.InvalidBackupFlags)]
    [InlineData(Fido2ErrorCode.CredentialAlgorithmRequirementNotMet, RegistrationFailureReason.AlgorithmNotAllowed)]
    [InlineData(Fido2ErrorCode.InvalidAuthenticatorResponseChallenge, RegistrationFailureReason.ChallengeMismatch)]
    [InlineData(Fido2ErrorCode.InvalidAuthenticatorResponseOrigin, RegistrationFailureReason.OriginNotAllowed)]
    [InlineData(Fido2ErrorCode.CrossOriginRequestNotAllowed, RegistrationFailureReason.CrossOrigin)]
    [InlineData(Fido2ErrorCode.InvalidAuthenticatorResponseTopOrigin, RegistrationFailureReason.TopOrigin)]
    [InlineData(Fido2ErrorCode.MalformedAuthenticatorResponse, RegistrationFailureReason.InvalidClientData)]
    [InlineData(Fido2ErrorCode.InvalidAuthenticatorData, RegistrationFailureReason.InvalidAuthenticatorData)]
    [InlineData(Fido2ErrorCode.InvalidCredentialPublicKey, RegistrationFailureReason.InvalidPublicKey)]
    [InlineData(Fido2ErrorCode.InvalidAttestation, RegistrationFailureReason.InvalidAttestation)]
    [InlineData(Fido2ErrorCode.InvalidCertificateChain, RegistrationFailureReason.InvalidAttestation)]
    [InlineData(Fido2ErrorCode.Unknown, RegistrationFailureReason.InvalidAttestation)]
    public void ToRegistration_Fido2Code_MapsToReason(Fido2ErrorCode code, RegistrationFailureReason expected)
    {
        Assert.Equal(expected, FailureMapping.ToRegistration(code));
    }

    [Theory]
    [InlineData(Fido2ErrorCode.InvalidSignature, AuthenticationFailureReason.InvalidSignature)]
    [InlineData(Fido2ErrorCode.InvalidSignCount, AuthenticationFailureReason.SignCountRegressed)]
    [InlineData(Fido2ErrorCode.InvalidRpidHash, AuthenticationFailureReason.RpIdMismatch)]
    [InlineData(Fido2ErrorCode.UserPresentFlagNotSet, AuthenticationFailureReason.UserNotPresent)]
    [InlineData(Fido2ErrorCode.UserVerificationRequirementNotMet, AuthenticationFailureReason.UserNotVerified)]
    [InlineData(Fido2ErrorCode.BackupEligibilityRequirementNotMet, AuthenticationFailureReason.InvalidBackupFlags)]
    [InlineData(Fido2ErrorCode.InvalidAuthenticatorResponseChallenge, AuthenticationFailureReason.ChallengeMismatch)]
    [InlineData(Fido2ErrorCode.InvalidAuthenticatorResponseOrigin, AuthenticationFailureReason.OriginNotAllowed)]
    [InlineData(Fido2ErrorCode.MalformedAuthenticatorResponse, AuthenticationFailureReason.InvalidClientData)]
    [InlineData(Fido2ErrorCode.InvalidAuthenticatorData, AuthenticationFailureReason.InvalidAuthenticatorData)]
    [InlineData(Fido2ErrorCode.Unknown, AuthenticationFailureReason.InvalidSignature)]
    public void ToAuthentication_Fido2Code_MapsToReason(Fido2ErrorCode code, AuthenticationFailureReason expected)
    {
        Assert.Equal(expected, FailureMapping.ToAuthentication(code));
    }

    [Fact]
    public void SharedCheckFailures_MapToTheSameCodeInBothCeremonies()
    {
        foreach (var failure in Enum.GetValues<CeremonyFailure>())
        {
            Assert.Equal(FailureMapping.ToRegistration(failure).ToCode(), FailureMapping.ToAuthentication(failure).ToCode());
        }
    }
}
