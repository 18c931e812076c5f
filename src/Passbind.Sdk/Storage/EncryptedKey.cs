using System.Text.Json.Serialization;

namespace Passbind.Sdk.Storage;

/// <summary>A private key sealed with AES-256-GCM under the store key; every member base64url.</summary>
internal sealed record EncryptedKey(
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("ciphertext")] string Ciphertext,
    [property: JsonPropertyName("tag")] string Tag);
