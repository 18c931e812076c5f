using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn Level 3 <c>AuthenticatorAttestationResponseJSON</c>.</summary>
internal sealed record AuthenticatorAttestationResponse(
    [property: JsonPropertyName("clientDataJSON")] string ClientDataJson,
    [property: JsonPropertyName("authenticatorData")] string AuthenticatorData,
    [property: JsonPropertyName("transports")] IReadOnlyList<string> Transports,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    [property: JsonPropertyName("publicKeyAlgorithm")] long PublicKeyAlgorithm,
    [property: JsonPropertyName("attestationObject")] string AttestationObject);
