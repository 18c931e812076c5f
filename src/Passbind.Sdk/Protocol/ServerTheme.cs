using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The theme as <c>:completeRegistration</c> answers it.</summary>
internal sealed record ServerTheme(
    [property: JsonPropertyName("logo_url_light")] string? LogoUrlLight,
    [property: JsonPropertyName("logo_url_dark")] string? LogoUrlDark,
    [property: JsonPropertyName("support_url")] string? SupportUrl);
