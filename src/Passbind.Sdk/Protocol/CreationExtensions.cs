using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The client extension inputs this SDK understands.</summary>
internal sealed record CreationExtensions(
    [property: JsonPropertyName("credProps")] bool? CredProps);
