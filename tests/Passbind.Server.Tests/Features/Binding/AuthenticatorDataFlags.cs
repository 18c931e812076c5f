namespace Passbind.Core.Tests.WebAuthn;

/// <summary>
/// The authenticator data flags as WebAuthn Level 3 §6.1 numbers them, for the linked
/// <see cref="SoftwareAuthenticator"/>: Passbind.Core's own enum is internal to Passbind.Core and its tests.
/// Declared in the authenticator's namespace so that it takes precedence over the inaccessible one.
/// </summary>
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
