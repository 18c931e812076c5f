namespace Passbind.Core.WebAuthn;

/// <summary>
/// Registration options ready for the wire, and the raw challenge the server must store, bound to the
/// credential binding job, until <see cref="PublicKeyCredentialCreationOptionsJson.Timeout"/> passes.
/// </summary>
public sealed record RegistrationOptions(PublicKeyCredentialCreationOptionsJson PublicKey, ReadOnlyMemory<byte> Challenge);
