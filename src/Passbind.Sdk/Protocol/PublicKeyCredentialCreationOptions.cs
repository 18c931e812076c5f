using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn Level 3 <c>PublicKeyCredentialCreationOptionsJSON</c>, the members this SDK reads.</summary>
internal sealed record PublicKeyCredentialCreationOptions(
    [property: JsonPropertyName("rp")] RelyingPartyEntity? Rp,
    [property: JsonPropertyName("user")] UserEntity? User,
    [property: JsonPropertyName("challenge")] string? Challenge,
    [property: JsonPropertyName("pubKeyCredParams")] IReadOnlyList<CredentialParameter>? PubKeyCredParams,
    [property: JsonPropertyName("excludeCredentials")] IReadOnlyList<CredentialDescriptor>? ExcludeCredentials,
    [property: JsonPropertyName("extensions")] CreationExtensions? Extensions);
