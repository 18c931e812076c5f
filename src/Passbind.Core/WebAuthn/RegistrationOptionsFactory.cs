using System.Security.Cryptography;

namespace Passbind.Core.WebAuthn;

/// <summary>Builds the <c>PublicKeyCredentialCreationOptionsJSON</c> of a registration ceremony.</summary>
public static class RegistrationOptionsFactory
{
    /// <summary>Challenge length in bytes; WebAuthn asks for at least 16 (§13.4.3).</summary>
    public const int ChallengeSize = 32;

    /// <summary>The longest user handle WebAuthn allows (§5.4.3).</summary>
    public const int MaxUserHandleSize = 64;

    private const string PublicKeyType = "public-key";

    private static readonly PublicKeyCredentialParametersJson[] PubKeyCredParams =
        [.. CoseAlgorithms.Offered.Select(alg => new PublicKeyCredentialParametersJson(PublicKeyType, alg))];

    private static readonly RegistrationExtensionInputsJson Extensions = new(CredProps: true);

    /// <summary>The shortest challenge WebAuthn allows (§13.4.3).</summary>
    public const int MinChallengeSize = 16;

    /// <summary>Creates options with the given challenge, or a fresh one of <see cref="ChallengeSize"/> random bytes.</summary>
    /// <exception cref="ArgumentException">A parameter breaks a WebAuthn rule (a caller's bug, not user input).</exception>
    public static RegistrationOptions Create(RegistrationOptionsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrEmpty(parameters.RpId);
        ArgumentNullException.ThrowIfNull(parameters.RpName);
        ArgumentNullException.ThrowIfNull(parameters.UserName);
        ArgumentNullException.ThrowIfNull(parameters.DisplayName);
        ArgumentNullException.ThrowIfNull(parameters.ExcludeCredentialIds);
        if (parameters.UserHandle.Length is 0 or > MaxUserHandleSize)
        {
            throw new ArgumentException($"A user handle is 1 to {MaxUserHandleSize} bytes.", nameof(parameters));
        }

        if (parameters.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("The timeout must be positive.", nameof(parameters));
        }

        var challenge = Challenge(parameters.Challenge);

        var options = new PublicKeyCredentialCreationOptionsJson(
            Rp: new PublicKeyCredentialRpEntityJson(parameters.RpId, parameters.RpName),
            User: new PublicKeyCredentialUserEntityJson(parameters.UserHandle.ToArray(), parameters.UserName, parameters.DisplayName),
            Challenge: challenge,
            PubKeyCredParams: PubKeyCredParams,
            Timeout: (long)parameters.Timeout.TotalMilliseconds,
            ExcludeCredentials: PublicKeyCredentialDescriptorJson.ListOf(parameters.ExcludeCredentialIds),
            // A passkey must be discoverable: sign-in starts without a username.
            AuthenticatorSelection: new AuthenticatorSelectionCriteriaJson("required", RequireResidentKey: true, parameters.UserVerification),
            Attestation: "none",
            Extensions: Extensions);

        return new RegistrationOptions(options, challenge);
    }

    /// <summary>The given challenge, checked, or a fresh random one.</summary>
    internal static byte[] Challenge(ReadOnlyMemory<byte>? given) => given switch
    {
        null => RandomNumberGenerator.GetBytes(ChallengeSize),
        { Length: >= MinChallengeSize } challenge => challenge.ToArray(),
        _ => throw new ArgumentException($"A challenge is at least {MinChallengeSize} bytes.", nameof(given)),
    };
}
