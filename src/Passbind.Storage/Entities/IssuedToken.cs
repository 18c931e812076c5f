namespace Passbind.Storage.Entities;

/// <summary>
/// A token the server issued, kept so that it can be introspected and revoked: every access token by its
/// <c>jti</c>, every refresh token by its hash. The row outlives the token only until it expires.
/// </summary>
public sealed class IssuedToken
{
    /// <summary>The token's <c>jti</c> (access tokens) or a random id (refresh tokens).</summary>
    public required string Id { get; init; }

    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public required string ApplicationId { get; init; }

    /// <summary><c>access</c> or <c>refresh</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The token's <c>sub</c>: an identity's subject or, for client credentials, the client id.</summary>
    public required string Subject { get; init; }

    /// <summary>The identity it speaks for; null for client-credentials tokens.</summary>
    public string? IdentityId { get; init; }

    /// <summary>The family it belongs to: every token one authorization issued, refreshes included.</summary>
    public required string GrantId { get; init; }

    public required string Scope { get; init; }

    /// <summary>SHA-256 of a refresh token; null for access tokens, which are JWTs found by <c>jti</c>.</summary>
    public byte[]? TokenHash { get; init; }

    public DateTimeOffset IssueTime { get; init; }
    public DateTimeOffset ExpireTime { get; init; }
    public DateTimeOffset? RevokeTime { get; set; }

    /// <summary>For a refresh token: the one that replaced it when it was used; using it again is reuse.</summary>
    public string? ReplacedById { get; set; }
}
