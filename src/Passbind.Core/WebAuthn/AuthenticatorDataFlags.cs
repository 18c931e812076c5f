using System.Diagnostics.CodeAnalysis;

namespace Passbind.Core.WebAuthn;

/// <summary>The flags byte of authenticator data (WebAuthn §6.1).</summary>
[Flags]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "WebAuthn §6.1 names this byte the authenticator data's flags.")]
public enum AuthenticatorDataFlags : byte
{
    /// <summary>No flag set.</summary>
    None = 0,

    /// <summary>UP: the user was present.</summary>
    UserPresent = 0x01,

    /// <summary>UV: the user was verified.</summary>
    UserVerified = 0x04,

    /// <summary>BE: the credential may be backed up; it never changes for a credential.</summary>
    BackupEligible = 0x08,

    /// <summary>BS: the credential is backed up now.</summary>
    BackupState = 0x10,

    /// <summary>AT: attested credential data follows (registrations only).</summary>
    AttestedCredentialData = 0x40,

    /// <summary>ED: extension outputs follow.</summary>
    ExtensionData = 0x80,
}
