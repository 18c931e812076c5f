using Passbind.Testing.WebAuthn;

namespace Passbind.Bench.Ceilings;

/// <summary>
/// RegistrationResponseJSON for in-process measurements: an ES256 credential with a <c>packed</c> self
/// attestation (WebAuthn L3 §8.2) or <c>none</c>, from the .NET SDK's origin, made by the tests' shared
/// <see cref="SoftwareAuthenticator"/>. The load scenarios use the SDK's own authenticator through
/// <c>Embedded.BindPasskeyAsync</c>.
/// </summary>
internal static class PackedSelfAuthenticator
{
    public const string Origin = "passbind-sdk://dotnet";

    public static byte[] Register(string rpId, ReadOnlySpan<byte> challenge, bool packed = true)
    {
        using var authenticator = new SoftwareAuthenticator(challenge.ToArray(), packed ? AttestationKind.PackedSelf : AttestationKind.None, rpId, Origin);
        return authenticator.CreateResponseJson();
    }
}
