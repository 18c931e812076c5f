using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The error body <c>{code, message, details}</c> of the server (beyond-identity-api.md §1.1).</summary>
internal sealed record ErrorResponse(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("details")] JsonElement? Details);
