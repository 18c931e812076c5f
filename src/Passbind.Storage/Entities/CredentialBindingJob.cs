namespace Passbind.Storage.Entities;

public sealed class CredentialBindingJob : IStoredResource
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public required string IdentityId { get; init; }

    /// <summary><c>RETURN</c> or <c>EMAIL</c>.</summary>
    public required string DeliveryMethod { get; init; }

    /// <summary>The stored state; <c>EXPIRED</c> is never stored but derived from <see cref="ExpireTime"/>.</summary>
    public required string State { get; set; }

    public string? PostBindingRedirectUri { get; init; }
    public required string AuthenticatorConfigId { get; init; }

    /// <summary>SHA-256 of the link's token.</summary>
    public required byte[] TokenHash { get; init; }

    public DateTimeOffset ExpireTime { get; init; }

    /// <summary>The bound credential's id, set in the transaction that consumes the link.</summary>
    public string? CredentialId { get; set; }

    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
}
