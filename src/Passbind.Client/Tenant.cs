namespace Passbind.Client;

/// <summary>A tenant: the top of the hierarchy. The API cannot create or list tenants.</summary>
public sealed record Tenant
{
    /// <summary>The tenant id (<c>id</c>), for example <c>000176d94fd7b4d1</c>. Default empty.</summary>
    public string Id { get; init; } = "";

    /// <summary>The display name (<c>display_name</c>). Default empty.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>When it was created (<c>create_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When it was last changed (<c>update_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? UpdateTime { get; init; }
}
