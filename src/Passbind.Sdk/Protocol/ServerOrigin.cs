using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>Where a sign-in request came from, as the server saw it at <c>authorize</c>.</summary>
internal sealed record ServerOrigin(
    [property: JsonPropertyName("source_ip")] string? SourceIp,
    [property: JsonPropertyName("user_agent")] string? UserAgent,
    [property: JsonPropertyName("geolocation")] string? Geolocation,
    [property: JsonPropertyName("referer")] string? Referer);
