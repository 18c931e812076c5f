using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>WebAuthn <c>AuthenticationExtensionsClientOutputsJSON</c>: only <c>credProps</c>, when it was asked for.</summary>
internal sealed record ClientExtensionResults(
    [property: JsonPropertyName("credProps"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    CredentialProperties? CredProps);
