using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>One of an authenticator config's <c>authentication_methods</c>.</summary>
internal sealed record ServerAuthenticationMethod(
    [property: JsonPropertyName("type")] string? Type);
