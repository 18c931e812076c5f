using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn <c>PublicKeyCredentialRpEntity</c>.</summary>
internal sealed record RelyingPartyEntity(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name);
