namespace Passbind.Storage.Entities;

/// <summary>A WebAuthn challenge issued for a binding job, kept server-side until it expires or is used.</summary>
public sealed class BindingChallenge
{
    public long Id { get; init; }
    public required string JobId { get; init; }

    /// <summary>SHA-256 of the challenge bytes; the client's copy comes back in clientDataJSON.</summary>
    public required byte[] ChallengeHash { get; init; }

    /// <summary><c>webauthn</c> or <c>subtle</c>: the kind of passkey the options were made for.</summary>
    public required string KeyType { get; init; }

    public DateTimeOffset ExpireTime { get; init; }
}
