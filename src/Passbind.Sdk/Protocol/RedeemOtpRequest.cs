using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The body of <c>:redeemOtp</c> (sign-in-protocol.md §6).</summary>
internal sealed record RedeemOtpRequest(
    [property: JsonPropertyName("request")] string Request,
    [property: JsonPropertyName("otp")] string Otp);
