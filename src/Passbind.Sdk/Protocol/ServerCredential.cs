using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The management API's credential, the members this SDK reads.</summary>
internal sealed record ServerCredential(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("create_time")] DateTimeOffset? CreateTime);
