using System.Security.Cryptography;
using System.Text;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// The authenticator-data policy both ceremonies apply: L3 §7.1 steps 13–16 for a registration and §7.2 steps
/// 14–17 for an assertion. What only an assertion checks (BE against the credential record) is the caller's.
/// </summary>
internal static class AuthenticatorDataChecks
{
    /// <summary>Null when the rpIdHash and flags are acceptable.</summary>
    public static CeremonyFailure? Verify(ParsedAuthenticatorData authData, string rpId, bool userVerificationRequired)
    {
        // 7.1 step 13, 7.2 step 14: verify rpIdHash.
        Span<byte> expectedRpIdHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(rpId), expectedRpIdHash);
        if (!authData.RpIdHash.Span.SequenceEqual(expectedRpIdHash))
        {
            return CeremonyFailure.RpIdMismatch;
        }

        // 7.1 step 14, 7.2 step 15: UP is required; Passbind never uses conditional create.
        if (!authData.Has(AuthenticatorDataFlags.UserPresent))
        {
            return CeremonyFailure.UserNotPresent;
        }

        // 7.1 step 15, 7.2 step 16: UV when the authenticator config requires it.
        if (userVerificationRequired && !authData.Has(AuthenticatorDataFlags.UserVerified))
        {
            return CeremonyFailure.UserNotVerified;
        }

        // 7.1 step 16, 7.2 step 17: a credential that is not backup eligible cannot be backed up
        // (Fido2NetLib 4.0 accepted BS=1, BE=0).
        if (!authData.Has(AuthenticatorDataFlags.BackupEligible) && authData.Has(AuthenticatorDataFlags.BackupState))
        {
            return CeremonyFailure.InvalidBackupFlags;
        }

        return null;
    }
}
