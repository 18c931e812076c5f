using System.Text.Json.Serialization;

namespace Passbind.Sdk.Storage;

/// <summary>
/// One passkey's file in the store directory: <c>{id}.json</c>. <see cref="SignCount"/> is the last signature counter
/// used (0 until the first sign-in, and in files written before sign-in existed).
/// </summary>
internal sealed record PasskeyFile(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("passkey")] Passkey Passkey,
    [property: JsonPropertyName("credential_id")] string CredentialId,
    [property: JsonPropertyName("rp_id")] string RpId,
    [property: JsonPropertyName("user_handle")] string UserHandle,
    [property: JsonPropertyName("api_base_url")] string ApiBaseUrl,
    [property: JsonPropertyName("local_created")] DateTimeOffset LocalCreated,
    [property: JsonPropertyName("private_key")] EncryptedKey PrivateKey,
    [property: JsonPropertyName("sign_count")] uint SignCount);
