using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn <c>PublicKeyCredentialDescriptorJSON</c>.</summary>
internal sealed record CredentialDescriptor(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("id")] string? Id);
