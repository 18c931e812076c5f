namespace Passbind.Client;

/// <summary>
/// An authenticator config: where and how passkeys are bound and used (for an embedded SDK: the app's invoke URL and
/// trusted origins).
/// </summary>
public sealed record AuthenticatorConfig
{
    /// <summary>The authenticator config id (<c>id</c>); treat as opaque (often a UUID). Default empty.</summary>
    public string Id { get; init; } = "";

    /// <summary>The realm (<c>realm_id</c>). Default empty.</summary>
    public string RealmId { get; init; } = "";

    /// <summary>The tenant (<c>tenant_id</c>). Default empty.</summary>
    public string TenantId { get; init; } = "";

    /// <summary>The display name (<c>display_name</c>). Default empty.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The settings (<c>config</c>). Default: empty settings.</summary>
    public AuthenticatorConfigSettings Config { get; init; } = new();
}
