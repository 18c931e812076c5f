namespace Passbind.Client;

/// <summary>A partial update of a realm, sent as <c>{"realm":{...}}</c>; <see langword="null"/> fields are left unchanged.</summary>
public sealed record UpdateRealmRequest
{
    /// <summary>The new display name (<c>display_name</c>). Default <see langword="null"/>: unchanged.</summary>
    public string? DisplayName { get; init; }
}
