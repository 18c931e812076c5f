using System.Text.Json.Serialization;

namespace Passbind.Server.Http;

/// <summary>The error body on the wire.</summary>
internal sealed record ErrorBody(
    string Code,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ErrorDetail>? Details);
