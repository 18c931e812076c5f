namespace Passbind.Server.Features.Tokens;

/// <summary>
/// An access token whose signature, type and lifetime held, with what it claims. Whether it is still
/// active (not revoked, its application alive) is the issued-token record's to say.
/// </summary>
internal sealed record ValidatedAccessToken(
    string Id,
    string KeyTenantId,
    string KeyRealmId,
    string TenantId,
    string TokenRealm,
    string ApplicationId,
    string Subject,
    IReadOnlySet<string> Scopes);
