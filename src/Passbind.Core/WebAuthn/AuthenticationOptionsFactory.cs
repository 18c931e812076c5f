namespace Passbind.Core.WebAuthn;

/// <summary>Builds the <c>PublicKeyCredentialRequestOptionsJSON</c> of an authentication ceremony.</summary>
public static class AuthenticationOptionsFactory
{
    /// <summary>Challenge length in bytes; WebAuthn asks for at least 16 (§13.4.3).</summary>
    public const int ChallengeSize = RegistrationOptionsFactory.ChallengeSize;

    /// <summary>Creates options with the given challenge, or a fresh one of <see cref="ChallengeSize"/> random bytes.</summary>
    /// <exception cref="ArgumentException">A parameter breaks a WebAuthn rule (a caller's bug, not user input).</exception>
    public static AuthenticationOptions Create(AuthenticationOptionsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrEmpty(parameters.RpId);
        ArgumentNullException.ThrowIfNull(parameters.AllowCredentialIds);
        if (parameters.Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("The timeout must be positive.", nameof(parameters));
        }

        if (parameters.AllowCredentialIds.Any(id => id.IsEmpty || id.Length > RegistrationVerifier.MaxCredentialIdLength))
        {
            throw new ArgumentException($"A credential id is 1 to {RegistrationVerifier.MaxCredentialIdLength} bytes.", nameof(parameters));
        }

        var challenge = RegistrationOptionsFactory.Challenge(parameters.Challenge);
        var options = new PublicKeyCredentialRequestOptionsJson(
            Challenge: challenge,
            Timeout: (long)parameters.Timeout.TotalMilliseconds,
            RpId: parameters.RpId,
            AllowCredentials: PublicKeyCredentialDescriptorJson.ListOf(parameters.AllowCredentialIds),
            UserVerification: parameters.UserVerification);

        return new AuthenticationOptions(options, challenge);
    }
}
