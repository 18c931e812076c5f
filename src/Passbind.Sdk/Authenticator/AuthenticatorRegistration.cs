using Passbind.Sdk.Protocol;

namespace Passbind.Sdk.Authenticator;

/// <summary>What <see cref="SoftwareAuthenticator.Register"/> made: the response to send and the key to keep.</summary>
/// <param name="Credential">The <c>RegistrationResponseJSON</c> for <c>:completeRegistration</c>.</param>
/// <param name="PrivateKey">The credential's private key, PKCS#8 DER. The caller zeroes it once stored.</param>
/// <param name="CredentialId">The credential id, base64url.</param>
/// <param name="UserHandle">The user handle (<c>user.id</c>), base64url.</param>
/// <param name="RpId">The RP ID the credential is scoped to.</param>
internal sealed record AuthenticatorRegistration(
    RegistrationResponse Credential,
    byte[] PrivateKey,
    string CredentialId,
    string UserHandle,
    string RpId);
