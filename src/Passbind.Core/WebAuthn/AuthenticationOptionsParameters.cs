namespace Passbind.Core.WebAuthn;

/// <summary>What the server knows when it starts an authentication ceremony.</summary>
/// <param name="RpId">The authenticator config's RP ID.</param>
/// <param name="AllowCredentialIds">
/// The credential ids that may answer; empty asks for a discoverable credential. Name one the client asked for
/// whether or not it exists, so that the options reveal nothing.
/// </param>
/// <param name="Timeout">How long the ceremony may take; also how long the server keeps the challenge.</param>
/// <param name="UserVerification">The authenticator config's user-verification requirement.</param>
public sealed record AuthenticationOptionsParameters(
    string RpId,
    IReadOnlyCollection<ReadOnlyMemory<byte>> AllowCredentialIds,
    TimeSpan Timeout,
    UserVerificationRequirement UserVerification)
{
    /// <summary>
    /// The challenge to send, when the server makes its own (at least 16 bytes, unpredictable, such as one it MACs
    /// so that it needs nothing stored); null for <see cref="AuthenticationOptionsFactory.ChallengeSize"/> random bytes.
    /// </summary>
    public ReadOnlyMemory<byte>? Challenge { get; init; }
}
