using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The body of <c>:authenticateOtp</c> (sign-in-protocol.md §6).</summary>
internal sealed record AuthenticateOtpRequest(
    [property: JsonPropertyName("request")] string Request,
    [property: JsonPropertyName("email")] string Email);
