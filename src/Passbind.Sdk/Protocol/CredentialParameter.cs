using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn <c>PublicKeyCredentialParameters</c>.</summary>
internal sealed record CredentialParameter(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("alg")] long Alg);
