namespace Passbind.Core.WebAuthn;

/// <summary>
/// Authentication options ready for the wire, and the raw challenge the server must store, bound to the
/// ceremony, until <see cref="PublicKeyCredentialRequestOptionsJson.Timeout"/> passes.
/// </summary>
/// <param name="PublicKey">The options, for the client.</param>
/// <param name="Challenge">The challenge, for <see cref="ExpectedAssertion.Challenge"/>.</param>
public sealed record AuthenticationOptions(PublicKeyCredentialRequestOptionsJson PublicKey, ReadOnlyMemory<byte> Challenge);
