namespace Passbind.Storage.Entities;

public sealed class Identity : IStoredResource
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public required string DisplayName { get; set; }

    /// <summary><c>active</c> or <c>suspended</c>, lowercase as on the wire.</summary>
    public required string Status { get; set; }

    public required string Username { get; set; }

    /// <summary>The username after NFKC and case folding: the key of the realm's uniqueness rule.</summary>
    public required string NormalizedUsername { get; set; }

    public string? PrimaryEmailAddress { get; set; }

    /// <summary>Every traits_v0 key, as the JSON object the client sent (merged on patch).</summary>
    public required string TraitsJson { get; set; }

    /// <summary>The WebAuthn user handle: random bytes with no personal data, fixed for the identity's life.</summary>
    public required byte[] UserHandle { get; init; }

    /// <summary>The identity's role in the admin console (<c>administrator</c>), or null: no console access.</summary>
    public string? ConsoleRole { get; set; }

    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
}
