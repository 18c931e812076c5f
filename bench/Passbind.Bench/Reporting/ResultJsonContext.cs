using System.Text.Json.Serialization;

namespace Passbind.Bench.Reporting;

[JsonSerializable(typeof(ScenarioResult))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.Strict)]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
