using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>WebAuthn <c>PublicKeyCredentialParameters</c>: a COSE algorithm the RP accepts.</summary>
public sealed record PublicKeyCredentialParametersJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("alg")] int Alg);
