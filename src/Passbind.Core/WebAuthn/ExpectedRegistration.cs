namespace Passbind.Core.WebAuthn;

/// <summary>
/// The server-stored state of one registration ceremony, against which a response is verified. Nothing
/// here may come from the client's request.
/// </summary>
/// <param name="Challenge">The challenge issued by <see cref="RegistrationOptionsFactory"/> and stored for the job.</param>
/// <param name="RpId">The realm's RP ID, from configuration.</param>
/// <param name="TrustedOrigins">The authenticator config's <c>trusted_origins</c>, compared as exact strings.</param>
/// <param name="UserVerificationRequired">Whether the UV flag must be set.</param>
/// <param name="AllowedAlgorithms">The COSE algorithms the options offered; each must be in <see cref="CoseAlgorithms"/>.</param>
/// <param name="UserHandle">The identity's user handle, as sent in the options.</param>
public sealed record ExpectedRegistration(
    ReadOnlyMemory<byte> Challenge,
    string RpId,
    IReadOnlyCollection<string> TrustedOrigins,
    bool UserVerificationRequired,
    IReadOnlyCollection<int> AllowedAlgorithms,
    ReadOnlyMemory<byte> UserHandle);
