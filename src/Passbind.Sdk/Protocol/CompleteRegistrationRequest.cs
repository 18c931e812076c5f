using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The body of <c>:completeRegistration</c> (binding-protocol.md §3).</summary>
internal sealed record CompleteRegistrationRequest(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("credential")] RegistrationResponse Credential);
