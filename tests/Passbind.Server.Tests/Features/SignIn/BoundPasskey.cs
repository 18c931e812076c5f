using Passbind.Testing.WebAuthn;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>
/// A passkey bound through the binding ceremony, as the device that holds it knows it: the software authenticator
/// whose key signs its assertions, and its ids.
/// </summary>
internal sealed record BoundPasskey(SoftwareAuthenticator Authenticator, byte[] UserHandle, string IdentityId, string ServerCredentialId)
{
    public byte[] CredentialId => Authenticator.CredentialId;
}
