namespace Passbind.Server.Features.Tokens;

/// <summary>Token lifetimes, rotation overlaps and the revocation bound (<c>Passbind:Tokens</c>).</summary>
internal sealed class TokenOptions
{
    public const string SectionName = "Passbind:Tokens";

    /// <summary>
    /// How long a node may go on accepting a management token after it was revoked, its application deleted or
    /// its secret rotated on another node (the node that made the change stops at once). Default 30 seconds.
    /// </summary>
    public TimeSpan RevocationCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a refresh token can be used; each use replaces it with a new one. Default 30 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the previous client secret keeps working after <c>:rotateSecret</c>. Default 24 hours.</summary>
    public TimeSpan SecretRotationGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a realm's previous signing key still verifies after a rotation. Default 48 hours.</summary>
    public TimeSpan SigningKeyOverlap { get; set; } = TimeSpan.FromHours(48);

    public bool IsValid() =>
        RevocationCheckInterval >= TimeSpan.Zero && RevocationCheckInterval <= TimeSpan.FromMinutes(10)
        && RefreshTokenLifetime > TimeSpan.Zero
        && SecretRotationGracePeriod >= TimeSpan.Zero && SecretRotationGracePeriod <= TimeSpan.FromDays(30)
        && SigningKeyOverlap > TimeSpan.Zero && SigningKeyOverlap <= TimeSpan.FromDays(90);
}
