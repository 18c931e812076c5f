namespace Passbind.Storage.Entities;

/// <summary>
/// One sign-in started at an application's authorize endpoint: what the authorize request asked for and the email
/// one-time code (its assertion challenges are sealed, and need no column). It lives ten minutes and is completed at
/// most once.
/// </summary>
public sealed class SignInTransaction
{
    /// <summary>Random, 32 characters.</summary>
    public required string Id { get; init; }

    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public required string ApplicationId { get; init; }
    public required string AuthenticatorConfigId { get; init; }
    public required string RedirectUri { get; init; }

    /// <summary>The relying party's <c>state</c>, returned with the code.</summary>
    public string? State { get; init; }

    /// <summary>The OIDC <c>nonce</c>, copied into the id_token.</summary>
    public string? Nonce { get; init; }

    public required string Scope { get; init; }

    /// <summary>The PKCE challenge of the authorize request, if any.</summary>
    public string? CodeChallenge { get; init; }

    /// <summary><c>S256</c> or <c>plain</c>; null without PKCE.</summary>
    public string? CodeChallengeMethod { get; init; }

    public string? ClientIp { get; init; }
    public string? UserAgent { get; init; }
    public string? Referer { get; init; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset ExpireTime { get; init; }
    public DateTimeOffset? CompleteTime { get; set; }

    /// <summary>SHA-256 of the email one-time code sent last; null when none is outstanding.</summary>
    public byte[]? OtpHash { get; set; }

    /// <summary>The identity the one-time code was sent to.</summary>
    public string? OtpIdentityId { get; set; }

    public DateTimeOffset? OtpExpireTime { get; set; }
    public int OtpAttempts { get; set; }
}
