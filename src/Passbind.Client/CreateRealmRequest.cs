namespace Passbind.Client;

/// <summary>A new realm, sent as <c>{"realm":{...}}</c>.</summary>
public sealed record CreateRealmRequest
{
    /// <summary>The display name (<c>display_name</c>, 1–64 characters). Required; default empty.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The classification (<c>classification</c>, see <see cref="RealmClassifications"/>). Default <see langword="null"/>: omitted.</summary>
    public string? Classification { get; init; }
}
