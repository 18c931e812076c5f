using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Server.Http;

/// <summary>Writes times as Beyond Identity does: RFC 3339 in UTC with microseconds, <c>2022-03-14T03:42:52.905657Z</c>.</summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
}
