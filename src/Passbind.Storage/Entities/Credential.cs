namespace Passbind.Storage.Entities;

/// <summary>A passkey bound to an identity.</summary>
public sealed class Credential : IStoredResource
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public required string IdentityId { get; init; }

    /// <summary>The WebAuthn credential id; unique across every tenant.</summary>
    public required byte[] CredentialId { get; init; }

    public required byte[] PublicKey { get; init; }
    public required string JwkJson { get; init; }
    public required string JwkThumbprint { get; init; }
    public long SignCount { get; set; }
    public bool BackupEligible { get; init; }
    public bool BackupState { get; set; }
    public bool UserVerified { get; init; }
    public required string AttestationFormat { get; init; }
    public Guid Aaguid { get; init; }
    public string? Transports { get; init; }

    /// <summary><c>webauthn</c> or <c>subtle</c>.</summary>
    public required string KeyType { get; init; }

    /// <summary><c>ACTIVE</c> or <c>REVOKED</c>.</summary>
    public required string State { get; set; }

    public string? BindingJobId { get; init; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }

    /// <summary>When a sign-in last verified an assertion of it.</summary>
    public DateTimeOffset? LastUsedTime { get; set; }
}
