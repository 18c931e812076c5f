using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The body of <c>:registrationOptions</c> (binding-protocol.md §2).</summary>
internal sealed record RegistrationOptionsRequest(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("key_type")] string KeyType);
