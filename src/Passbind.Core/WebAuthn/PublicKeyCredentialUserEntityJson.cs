using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>WebAuthn <c>PublicKeyCredentialUserEntityJSON</c>; <see cref="Id"/> is the opaque user handle.</summary>
public sealed record PublicKeyCredentialUserEntityJson(
    [property: JsonPropertyName("id"), JsonConverter(typeof(Base64UrlJsonConverter))] byte[] Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("displayName")] string DisplayName);
