using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn Level 3 <c>RegistrationResponseJSON</c>; every binary member is base64url without padding.</summary>
internal sealed record RegistrationResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("rawId")] string RawId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("response")] AuthenticatorAttestationResponse Response,
    [property: JsonPropertyName("authenticatorAttachment")] string AuthenticatorAttachment,
    [property: JsonPropertyName("clientExtensionResults")] ClientExtensionResults ClientExtensionResults);
