using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The answer of <c>:authenticationContext</c> (sign-in-protocol.md §3).</summary>
internal sealed record AuthenticationContextResponse(
    [property: JsonPropertyName("auth_url")] string? AuthUrl,
    [property: JsonPropertyName("auth_methods")] IReadOnlyList<ServerAuthenticationMethod?>? AuthMethods,
    [property: JsonPropertyName("application")] ServerApplication? Application,
    [property: JsonPropertyName("origin")] ServerOrigin? Origin);
