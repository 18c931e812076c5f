namespace Passbind.Client;

/// <summary>An application of a realm: an OAuth 2.0 / OpenID Connect client (a relying party, or a client-credentials caller).</summary>
public sealed record Application
{
    /// <summary>The application id (<c>id</c>); treat as opaque (a UUID). Default empty.</summary>
    public string Id { get; init; } = "";

    /// <summary>The realm (<c>realm_id</c>). Default empty.</summary>
    public string RealmId { get; init; } = "";

    /// <summary>The tenant (<c>tenant_id</c>). Default empty.</summary>
    public string TenantId { get; init; } = "";

    /// <summary>The display name (<c>display_name</c>). Default empty.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>Whether the server manages it (<c>is_managed</c>): the management application cannot be deleted.</summary>
    public bool IsManaged { get; init; }

    /// <summary><c>management_api</c> for the tenant's management application (<c>classification</c>); otherwise <see langword="null"/>.</summary>
    public string? Classification { get; init; }

    /// <summary>The authenticator config its sign-in uses (<c>authenticator_config_id</c>). Default <see langword="null"/>.</summary>
    public string? AuthenticatorConfigId { get; init; }

    /// <summary>The protocol settings (<c>protocol_config</c>); <see cref="ApplicationProtocolConfig.ClientSecret"/> only in the answer that made it.</summary>
    public ApplicationProtocolConfig ProtocolConfig { get; init; } = new();
}
