using System.Text.Json.Serialization;

namespace Passbind.Server.Features.Email;

/// <summary>The source-generated serializer of <see cref="OutboxFields"/>: no reflection when the sender reads a row.</summary>
[JsonSerializable(typeof(OutboxFields))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class OutboxFieldsJsonContext : JsonSerializerContext;
