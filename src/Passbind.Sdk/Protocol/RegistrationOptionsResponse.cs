using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The answer of <c>:registrationOptions</c>: <c>{"public_key": PublicKeyCredentialCreationOptionsJSON}</c>.</summary>
internal sealed record RegistrationOptionsResponse(
    [property: JsonPropertyName("public_key")] PublicKeyCredentialCreationOptions? PublicKey);
