using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>WebAuthn <c>PublicKeyCredentialDescriptorJSON</c>, used in <c>excludeCredentials</c>.</summary>
public sealed record PublicKeyCredentialDescriptorJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id"), JsonConverter(typeof(Base64UrlJsonConverter))] byte[] Id);
