namespace Passbind.Client;

/// <summary>A partial update of a tenant, sent as <c>{"tenant":{...}}</c>; <see langword="null"/> fields are left unchanged.</summary>
public sealed record UpdateTenantRequest
{
    /// <summary>The new display name (<c>display_name</c>, 1–64 characters). Default <see langword="null"/>: unchanged.</summary>
    public string? DisplayName { get; init; }
}
