using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn Level 3 <c>PublicKeyCredentialRequestOptionsJSON</c>, the members this SDK reads.</summary>
internal sealed record PublicKeyCredentialRequestOptions(
    [property: JsonPropertyName("challenge")] string? Challenge,
    [property: JsonPropertyName("rpId")] string? RpId,
    [property: JsonPropertyName("allowCredentials")] IReadOnlyList<CredentialDescriptor>? AllowCredentials,
    [property: JsonPropertyName("userVerification")] string? UserVerification);
