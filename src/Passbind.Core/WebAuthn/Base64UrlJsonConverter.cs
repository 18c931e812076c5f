using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Core.WebAuthn;

/// <summary>Writes binary WebAuthn fields as base64url without padding, and reads them strictly.</summary>
internal sealed class Base64UrlJsonConverter : JsonConverter<byte[]>
{
    private const int MaxBytes = 64 * 1024;

    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !Base64UrlEncoding.TryDecode(reader.GetString(), MaxBytes, out var bytes))
        {
            throw new JsonException("Expected a base64url string without padding.");
        }

        return bytes;
    }

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Base64UrlEncoding.Encode(value));
    }
}
