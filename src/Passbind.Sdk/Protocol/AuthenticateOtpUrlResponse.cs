using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The answer of <c>:authenticateOtp</c>: the authenticate URL to continue with.</summary>
internal sealed record AuthenticateOtpUrlResponse(
    [property: JsonPropertyName("url")] string? Url);
