namespace Passbind.Core.WebAuthn;

/// <summary>The flags byte of authenticator data (WebAuthn §6.1).</summary>
[Flags]
internal enum AuthenticatorDataFlags : byte
{
    None = 0,
    UserPresent = 0x01,
    UserVerified = 0x04,
    BackupEligible = 0x08,
    BackupState = 0x10,
    AttestedCredentialData = 0x40,
    ExtensionData = 0x80,
}
