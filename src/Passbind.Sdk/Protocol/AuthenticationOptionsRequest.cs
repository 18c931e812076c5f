using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The body of <c>:authenticationOptions</c> (sign-in-protocol.md §4).</summary>
internal sealed record AuthenticationOptionsRequest(
    [property: JsonPropertyName("request")] string Request,
    [property: JsonPropertyName("key_type")] string KeyType,
    [property: JsonPropertyName("credential_id")] string? CredentialId);
