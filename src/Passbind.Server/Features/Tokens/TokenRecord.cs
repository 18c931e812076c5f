namespace Passbind.Server.Features.Tokens;

/// <summary>What the issued-token record says of a token, read with its application's state.</summary>
internal sealed record TokenRecord(
    string Id,
    string TenantId,
    string RealmId,
    string ApplicationId,
    string ClientId,
    string Kind,
    string Subject,
    string? IdentityId,
    string GrantId,
    string Scope,
    DateTimeOffset IssueTime,
    DateTimeOffset ExpireTime,
    bool Active);
