namespace Passbind.Core.WebAuthn;

/// <summary>
/// The stored credential an assertion claims to come from: WebAuthn L3's <c>credentialRecord</c>, as the
/// server kept it from <see cref="VerifiedRegistration"/> and earlier assertions.
/// </summary>
/// <param name="Id">The credential id.</param>
/// <param name="PublicKey">The COSE_Key bytes stored at registration (<see cref="VerifiedRegistration.CredentialPublicKey"/>).</param>
/// <param name="SignCount">The stored signature counter.</param>
/// <param name="BackupEligible">The stored BE flag.</param>
/// <param name="BackupState">The stored BS flag.</param>
/// <param name="UserHandle">The user handle of the identity that owns the credential.</param>
public sealed record CredentialRecord(
    ReadOnlyMemory<byte> Id,
    ReadOnlyMemory<byte> PublicKey,
    uint SignCount,
    bool BackupEligible,
    bool BackupState,
    ReadOnlyMemory<byte> UserHandle);
