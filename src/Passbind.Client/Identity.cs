namespace Passbind.Client;

/// <summary>An identity: a user in a realm, to whom passkeys are bound.</summary>
public sealed record Identity
{
    /// <summary>The identity id (<c>id</c>). Default empty.</summary>
    public string Id { get; init; } = "";

    /// <summary>The realm (<c>realm_id</c>). Default empty.</summary>
    public string RealmId { get; init; } = "";

    /// <summary>The tenant (<c>tenant_id</c>). Default empty.</summary>
    public string TenantId { get; init; } = "";

    /// <summary>The display name (<c>display_name</c>). Default empty.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>
    /// <see cref="IdentityStatuses.Active"/> or <see cref="IdentityStatuses.Suspended"/> (<c>status</c>);
    /// <see langword="null"/> when the server omits it (it then means active).
    /// </summary>
    public string? Status { get; init; }

    /// <summary>
    /// Whether the identity has a passkey (<c>enrollment_status</c>, see <see cref="EnrollmentStatuses"/>);
    /// <see langword="null"/> when the server omits it.
    /// </summary>
    public string? EnrollmentStatus { get; init; }

    /// <summary>The identity's attributes (<c>traits</c>). Default: empty <c>traits_v0</c>.</summary>
    public IdentityTraits Traits { get; init; } = new();

    /// <summary>When it was created (<c>create_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When it was last changed (<c>update_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? UpdateTime { get; init; }
}
