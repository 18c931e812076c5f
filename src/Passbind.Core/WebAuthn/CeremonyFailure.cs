namespace Passbind.Core.WebAuthn;

/// <summary>
/// A failure of a check that registration (L3 §7.1) and authentication (§7.2) share. Each ceremony maps it to
/// its own public reason (<see cref="FailureMapping"/>), whose codes are the same snake_case words.
/// </summary>
internal enum CeremonyFailure
{
    InvalidClientData,
    ClientDataType,
    ChallengeMismatch,
    OriginNotAllowed,
    CrossOrigin,
    TopOrigin,
    RpIdMismatch,
    UserNotPresent,
    UserNotVerified,
    InvalidBackupFlags,
}
