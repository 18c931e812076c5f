using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn <c>PublicKeyCredentialUserEntityJSON</c>.</summary>
internal sealed record UserEntity(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("displayName")] string? DisplayName);
