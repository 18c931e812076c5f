using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn Level 3 <c>AuthenticatorAssertionResponseJSON</c>.</summary>
internal sealed record AuthenticatorAssertionResponse(
    [property: JsonPropertyName("clientDataJSON")] string ClientDataJson,
    [property: JsonPropertyName("authenticatorData")] string AuthenticatorData,
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("userHandle"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UserHandle);
