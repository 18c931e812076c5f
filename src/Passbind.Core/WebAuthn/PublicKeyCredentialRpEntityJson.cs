using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>WebAuthn <c>PublicKeyCredentialRpEntity</c>.</summary>
public sealed record PublicKeyCredentialRpEntityJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);
