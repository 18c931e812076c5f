using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The application a sign-in is for, as <c>:authenticationContext</c> names it.</summary>
internal sealed record ServerApplication(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("display_name")] string? DisplayName);
