namespace Passbind.Core.WebAuthn;

/// <summary>
/// An assertion that passed every check (WebAuthn L3 §7.2): what the server writes back to the credential
/// record (§7.2 step 23), and only after its own checks have passed too.
/// </summary>
/// <param name="CredentialId">The credential id that signed, the credential record's.</param>
/// <param name="SignCount">The authenticator's new signature counter, to store.</param>
/// <param name="UserVerified">The UV flag.</param>
/// <param name="BackupEligible">The BE flag; always the credential record's.</param>
/// <param name="BackupState">The BS flag, to store.</param>
/// <param name="BackupStateChanged">Whether BS differs from the credential record's (a credential was backed up, or stopped being).</param>
public sealed record VerifiedAssertion(
    ReadOnlyMemory<byte> CredentialId,
    uint SignCount,
    bool UserVerified,
    bool BackupEligible,
    bool BackupState,
    bool BackupStateChanged);
