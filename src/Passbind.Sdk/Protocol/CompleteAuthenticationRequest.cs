using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The body of <c>:completeAuthentication</c> (sign-in-protocol.md §5).</summary>
internal sealed record CompleteAuthenticationRequest(
    [property: JsonPropertyName("request")] string Request,
    [property: JsonPropertyName("credential")] AuthenticationResponse Credential);
