using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The answer of <c>:authenticationOptions</c>: <c>{"public_key": PublicKeyCredentialRequestOptionsJSON}</c>.</summary>
internal sealed record AuthenticationOptionsResponse(
    [property: JsonPropertyName("public_key")] PublicKeyCredentialRequestOptions? PublicKey);
