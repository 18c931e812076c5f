namespace Passbind.Server.Features.Oidc;

/// <summary>What an authorization code stands for: who signed in, how and when, and what the authorize request bound it to.</summary>
internal sealed record AuthorizationCodeContent(
    string TenantId,
    string RealmId,
    string ApplicationId,
    string IdentityId,
    string? CredentialId,
    string RedirectUri,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    string? Nonce,
    string Scope,
    DateTimeOffset AuthTime,
    IReadOnlyList<string> Amr);
