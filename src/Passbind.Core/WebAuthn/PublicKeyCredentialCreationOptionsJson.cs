using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>
/// WebAuthn Level 3 <c>PublicKeyCredentialCreationOptionsJSON</c>, as docs/binding-protocol.md §2 shows it
/// under <c>public_key</c>. Serialize it with <see cref="WebAuthnJsonContext"/>.
/// </summary>
public sealed record PublicKeyCredentialCreationOptionsJson(
    [property: JsonPropertyName("rp")] PublicKeyCredentialRpEntityJson Rp,
    [property: JsonPropertyName("user")] PublicKeyCredentialUserEntityJson User,
    [property: JsonPropertyName("challenge"), JsonConverter(typeof(Base64UrlJsonConverter))] byte[] Challenge,
    [property: JsonPropertyName("pubKeyCredParams")] IReadOnlyList<PublicKeyCredentialParametersJson> PubKeyCredParams,
    [property: JsonPropertyName("timeout")] long Timeout,
    [property: JsonPropertyName("excludeCredentials")] IReadOnlyList<PublicKeyCredentialDescriptorJson> ExcludeCredentials,
    [property: JsonPropertyName("authenticatorSelection")] AuthenticatorSelectionCriteriaJson AuthenticatorSelection,
    [property: JsonPropertyName("attestation")] string Attestation,
    [property: JsonPropertyName("extensions")] RegistrationExtensionInputsJson Extensions);
