using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>A tenant or realm as <c>:completeRegistration</c> answers it.</summary>
internal sealed record ServerNamedResource(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("display_name")] string? DisplayName);
