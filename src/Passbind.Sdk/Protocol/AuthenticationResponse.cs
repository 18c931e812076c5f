using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn Level 3 <c>AuthenticationResponseJSON</c>; every binary member is base64url without padding.</summary>
internal sealed record AuthenticationResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("rawId")] string RawId,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("response")] AuthenticatorAssertionResponse Response,
    [property: JsonPropertyName("authenticatorAttachment")] string AuthenticatorAttachment,
    [property: JsonPropertyName("clientExtensionResults")] ClientExtensionResults ClientExtensionResults);
