using System.Text.Json.Serialization;

namespace Passbind.Sdk.Protocol;

/// <summary>The answer of <c>:completeAuthentication</c> and of <c>:redeemOtp</c> (sign-in-protocol.md §5, §6).</summary>
internal sealed record CompleteAuthenticationResponse(
    [property: JsonPropertyName("redirect_url")] string? RedirectUrl,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("passkey_binding_token")] string? PasskeyBindingToken);
