using Fido2NetLib.Exceptions;
using Passbind.Core.WebAuthn;

namespace Passbind.Core.Tests.WebAuthn;

/// <summary>Fido2NetLib's error codes map to Passbind's reasons (most are caught earlier by Passbind's own checks).</summary>
public sealed class RegistrationVerifierFido2ErrorTests
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
    public void MapFido2Error_Code_MapsToReason(Fido2ErrorCode code, RegistrationFailureReason expected)
    {
        Assert.Equal(expected, RegistrationVerifier.MapFido2Error(code));
    }
}
