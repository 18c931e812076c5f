namespace Passbind.Server.Features.Credentials;

/// <summary>A credential as §3.4 shows it; <c>jwk_json</c> is a string holding the JWK's JSON, not an object.</summary>
internal sealed record CredentialResponse(
    string Id,
    string IdentityId,
    string RealmId,
    string TenantId,
    string State,
    string CsrType,
    string JwkJson,
    string JwkThumbprint,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime);

internal sealed record CredentialListResponse(IReadOnlyList<CredentialResponse> Credentials, int TotalSize, string? NextPageToken);
