using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The body of <c>:authenticationContext</c> (sign-in-protocol.md §3): the request JWT alone.</summary>
internal sealed record TransactionRequest(
    [property: JsonPropertyName("request")] string Request);
