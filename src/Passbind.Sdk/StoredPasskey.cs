namespace Passbind.Sdk;

/// <summary>What an <see cref="IPasskeyStore"/> keeps about a passkey, besides its private key.</summary>
/// <param name="Passkey">The passkey as the app sees it.</param>
/// <param name="CredentialId">The WebAuthn credential id, base64url without padding.</param>
/// <param name="RpId">The relying party id the credential is scoped to.</param>
/// <param name="UserHandle">The WebAuthn user handle (<c>user.id</c>), base64url without padding.</param>
/// <param name="ApiBaseUrl">The base URL of the server the passkey was bound with, without a trailing slash.</param>
/// <param name="LocalCreated">When the passkey was stored on this device, from <see cref="EmbeddedOptions.TimeProvider"/>.</param>
public sealed record StoredPasskey(
    Passkey Passkey,
    string CredentialId,
    string RpId,
    string UserHandle,
    string ApiBaseUrl,
    DateTimeOffset LocalCreated);
