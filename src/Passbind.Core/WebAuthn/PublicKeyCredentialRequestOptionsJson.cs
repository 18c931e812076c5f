using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// WebAuthn Level 3 <c>PublicKeyCredentialRequestOptionsJSON</c>, the options of an authentication ceremony.
/// Serialize it with <see cref="WebAuthnJsonContext"/>.
/// </summary>
/// <param name="Challenge">The challenge, written as base64url.</param>
/// <param name="Timeout">How long the ceremony may take, in milliseconds.</param>
/// <param name="RpId">The RP ID the credential must be scoped to.</param>
/// <param name="AllowCredentials">The credentials that may answer; empty asks for a discoverable credential.</param>
/// <param name="UserVerification">The user-verification requirement.</param>
public sealed record PublicKeyCredentialRequestOptionsJson(
    [property: JsonPropertyName("challenge"), JsonConverter(typeof(Base64UrlJsonConverter))] byte[] Challenge,
    [property: JsonPropertyName("timeout")] long Timeout,
    [property: JsonPropertyName("rpId")] string RpId,
    [property: JsonPropertyName("allowCredentials")] IReadOnlyList<PublicKeyCredentialDescriptorJson> AllowCredentials,
    [property: JsonPropertyName("userVerification")] UserVerificationRequirement UserVerification);
