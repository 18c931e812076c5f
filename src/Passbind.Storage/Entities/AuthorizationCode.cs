namespace Passbind.Storage.Entities;

/// <summary>
/// An authorization code (RFC 6749 §4.1.2), stored only as its hash. It is bound to its client, redirect URI
/// and PKCE challenge, lives at most 60 seconds and is redeemed once; a second redemption revokes every
/// token of its <see cref="GrantId"/>.
/// </summary>
public sealed class AuthorizationCode
{
    /// <summary>SHA-256 of the code.</summary>
    public required byte[] CodeHash { get; init; }

    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public required string ApplicationId { get; init; }
    public required string IdentityId { get; init; }

    /// <summary>The server id of the credential whose assertion earned the code; null for a one-time code.</summary>
    public string? CredentialId { get; init; }

    public required string RedirectUri { get; init; }
    public string? CodeChallenge { get; init; }

    /// <summary><c>S256</c> or <c>plain</c>; null without PKCE.</summary>
    public string? CodeChallengeMethod { get; init; }

    public string? Nonce { get; init; }
    public required string Scope { get; init; }

    /// <summary>When the user authenticated: the id_token's <c>auth_time</c>.</summary>
    public DateTimeOffset AuthTime { get; init; }

    /// <summary>Authentication method references (RFC 8176), space-separated.</summary>
    public required string Amr { get; init; }

    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset ExpireTime { get; init; }
    public DateTimeOffset? RedeemTime { get; set; }

    /// <summary>The family of tokens its redemption issues, revoked together when the code is used twice.</summary>
    public required string GrantId { get; init; }
}
