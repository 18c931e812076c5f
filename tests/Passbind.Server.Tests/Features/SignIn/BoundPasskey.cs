using System.Security.Cryptography;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>A passkey bound through the binding ceremony: its private key and ids, as the device that holds it knows them.</summary>
internal sealed record BoundPasskey(ECDsa Key, byte[] CredentialId, byte[] UserHandle, string IdentityId, string ServerCredentialId);
