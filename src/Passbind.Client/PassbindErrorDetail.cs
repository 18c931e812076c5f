namespace Passbind.Client;

/// <summary>
/// One entry of an error's <c>details</c>, discriminated by <see cref="Type"/>: <c>FieldViolations</c> (see
/// <see cref="FieldViolations"/>), <c>ResourceInfo</c> (see <see cref="ResourceType"/> and <see cref="Id"/>) or
/// <c>BatchOperationErrors</c>.
/// </summary>
public sealed record PassbindErrorDetail
{
    /// <summary>The kind of detail (<c>type</c>), for example <c>FieldViolations</c>. Default empty.</summary>
    public string Type { get; init; } = "";

    /// <summary>The invalid fields (<c>field_violations</c>) of a <c>FieldViolations</c> detail; otherwise <see langword="null"/>.</summary>
    public IReadOnlyList<FieldViolation>? FieldViolations { get; init; }

    /// <summary>The resource's type (<c>resource_type</c>) of a <c>ResourceInfo</c> detail, for example <c>Identity</c>; otherwise <see langword="null"/>.</summary>
    public string? ResourceType { get; init; }

    /// <summary>The resource's id (<c>id</c>) of a <c>ResourceInfo</c> detail; otherwise <see langword="null"/>.</summary>
    public string? Id { get; init; }

    /// <summary>A human-readable description (<c>description</c>); default <see langword="null"/>.</summary>
    public string? Description { get; init; }
}
