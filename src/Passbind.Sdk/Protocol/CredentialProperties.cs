using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The <c>credProps</c> extension output: this SDK's passkeys are always discoverable.</summary>
internal sealed record CredentialProperties(
    [property: JsonPropertyName("rk")] bool Rk);
