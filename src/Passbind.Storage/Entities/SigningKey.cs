namespace Passbind.Storage.Entities;

/// <summary>
/// A key that signs a realm's tokens. The private part is sealed under the server's master key. The realm's
/// newest key without an <see cref="ExpireTime"/> signs; every key whose expire time has not passed verifies.
/// </summary>
public sealed class SigningKey
{
    public required string Id { get; init; }

    /// <summary>The realm whose tokens it signs; both null for a key made before keys were per realm, which verifies for every realm.</summary>
    public string? TenantId { get; init; }

    public string? RealmId { get; init; }

    public required string Algorithm { get; init; }
    public required byte[] SealedPrivateKey { get; init; }
    public DateTimeOffset CreateTime { get; init; }

    /// <summary>Set when a newer key replaced it: it verifies until then, and signs no more.</summary>
    public DateTimeOffset? ExpireTime { get; set; }
}
