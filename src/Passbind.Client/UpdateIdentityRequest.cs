namespace Passbind.Client;

/// <summary>A partial update of an identity, sent as <c>{"identity":{...}}</c>; <see langword="null"/> fields are left unchanged.</summary>
public sealed record UpdateIdentityRequest
{
    /// <summary>The new display name (<c>display_name</c>). Default <see langword="null"/>: unchanged.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The new status (<c>status</c>, see <see cref="IdentityStatuses"/>). Default <see langword="null"/>: unchanged.</summary>
    public string? Status { get; init; }

    /// <summary>
    /// Traits to change (<c>traits</c>); only the attributes set are sent, with the required <c>type</c>.
    /// Default <see langword="null"/>: unchanged.
    /// </summary>
    public IdentityTraits? Traits { get; init; }
}
