using System.Text.Json.Serialization;

namespace Passbind.Server.Http;

/// <summary>One entry of <c>details</c>, discriminated by <c>type</c> as in Beyond Identity's API.</summary>
internal sealed record ErrorDetail(
    string Type,
    [property: JsonPropertyName("field_violations")] IReadOnlyList<FieldViolation>? FieldViolations = null,
    [property: JsonPropertyName("resource_type")] string? ResourceType = null,
    string? Id = null,
    string? Description = null,
    string? Reason = null)
{
    public static ErrorDetail ForFields(IReadOnlyList<FieldViolation> violations) => new("FieldViolations", FieldViolations: violations);

    public static ErrorDetail ForResource(string resourceType, string id, string description) =>
        new("ResourceInfo", ResourceType: resourceType, Id: id, Description: description);

    public static ErrorDetail ForReason(string reason) => new("ErrorInfo", Reason: reason);
}
