namespace Passbind.Core.WebAuthn;

/// <summary>What the server knows when it starts a registration ceremony for an identity.</summary>
/// <param name="RpId">The realm's RP ID, from configuration.</param>
/// <param name="RpName">The relying party's display name.</param>
/// <param name="UserHandle">The identity's opaque user handle: 1–64 random bytes, never personal data.</param>
/// <param name="UserName">The identity's username, shown by the authenticator.</param>
/// <param name="DisplayName">The identity's display name, shown by the authenticator.</param>
/// <param name="ExcludeCredentialIds">The ids of the identity's existing credentials.</param>
/// <param name="Timeout">How long the ceremony may take; also how long the server keeps the challenge.</param>
/// <param name="UserVerification">The authenticator config's user-verification requirement.</param>
public sealed record RegistrationOptionsParameters(
    string RpId,
    string RpName,
    ReadOnlyMemory<byte> UserHandle,
    string UserName,
    string DisplayName,
    IReadOnlyCollection<ReadOnlyMemory<byte>> ExcludeCredentialIds,
    TimeSpan Timeout,
    UserVerificationRequirement UserVerification)
{
    /// <summary>
    /// The challenge to send, when the server makes its own (at least 16 bytes, unpredictable, such as one it MACs
    /// so that it needs nothing stored); null for <see cref="RegistrationOptionsFactory.ChallengeSize"/> random bytes.
    /// </summary>
    public ReadOnlyMemory<byte>? Challenge { get; init; }
}
