using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passbind.Server.Http;

/// <summary>The JSON conventions of the v1 API: snake_case names, absent rather than null.</summary>
internal static class ApiJson
{
    /// <summary>Deepest nesting a request may have; ours need four levels, so anything deeper is hostile.</summary>
    public const int MaxDepth = 16;

    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.MaxDepth = MaxDepth;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new UtcTimestampConverter());
        return options;
    }
}
