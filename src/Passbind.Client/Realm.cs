namespace Passbind.Client;

/// <summary>A realm: a tenant's partition of identities, applications and authenticator configs.</summary>
public sealed record Realm
{
    /// <summary>The realm id (<c>id</c>). Default empty.</summary>
    public string Id { get; init; } = "";

    /// <summary>The owning tenant (<c>tenant_id</c>). Default empty.</summary>
    public string TenantId { get; init; } = "";

    /// <summary>The display name (<c>display_name</c>). Default empty.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>
    /// <see cref="RealmClassifications.SecureCustomer"/> or <see cref="RealmClassifications.SecureWorkforce"/>
    /// (<c>classification</c>); <see langword="null"/> when the server omits it.
    /// </summary>
    public string? Classification { get; init; }

    /// <summary>When it was created (<c>create_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When it was last changed (<c>update_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? UpdateTime { get; init; }
}
