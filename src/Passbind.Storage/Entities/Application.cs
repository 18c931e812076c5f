namespace Passbind.Storage.Entities;

/// <summary>An OAuth client of a realm. Today: the management API application made at bootstrap.</summary>
public sealed class Application : IStoredResource
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public required string DisplayName { get; set; }
    public bool IsManaged { get; init; }

    /// <summary><c>management_api</c> for the tenant's management application, as bi-cli expects.</summary>
    public string? Classification { get; init; }

    public required string ClientId { get; init; }

    /// <summary>SHA-256 of the client secret; the secret itself is shown once, at creation.</summary>
    public required byte[] ClientSecretHash { get; set; }

    /// <summary>Space-separated scopes a token of this application may carry.</summary>
    public required string AllowedScopes { get; set; }

    /// <summary>The realm its tokens may act in: a realm id, or <c>*</c> for every realm of the tenant.</summary>
    public required string TokenRealm { get; init; }

    public int TokenLifetimeSeconds { get; set; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
}
