namespace Passbind.Client;

/// <summary>One invalid request field, as named by the server (for example <c>identity.display_name</c>).</summary>
public sealed record FieldViolation
{
    /// <summary>The field's path in the request (<c>field</c>). Default empty.</summary>
    public string Field { get; init; } = "";

    /// <summary>What is wrong with it (<c>description</c>). Default empty.</summary>
    public string Description { get; init; } = "";
}
