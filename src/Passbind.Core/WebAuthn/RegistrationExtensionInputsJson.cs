using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>The client extension inputs of a registration: only <c>credProps</c>.</summary>
public sealed record RegistrationExtensionInputsJson(
    [property: JsonPropertyName("credProps")] bool CredProps);
