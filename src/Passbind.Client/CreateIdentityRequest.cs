namespace Passbind.Client;

/// <summary>A new identity, sent as <c>{"identity":{...}}</c>.</summary>
public sealed record CreateIdentityRequest
{
    /// <summary>The display name (<c>display_name</c>, 1–64 characters). Required; default empty.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The status (<c>status</c>, see <see cref="IdentityStatuses"/>). Default <see langword="null"/>: omitted, the server makes it active.</summary>
    public string? Status { get; init; }

    /// <summary>The attributes (<c>traits</c>); <see cref="IdentityTraits.Username"/> is required. Default: empty <c>traits_v0</c>.</summary>
    public IdentityTraits Traits { get; init; } = new();
}
