namespace Passbind.Testing.WebAuthn;

/// <summary>Which attestation statement <see cref="SoftwareAuthenticator"/> produces.</summary>
public enum AttestationKind
{
    None,
    PackedSelf,
    PackedFull,
}
