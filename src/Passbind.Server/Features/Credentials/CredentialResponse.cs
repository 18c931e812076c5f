using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Credentials;

/// <summary>A passkey as the credentials API shows it (Beyond Identity §3.4); <c>jwk_json</c> is a string of JSON.</summary>
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
    DateTimeOffset UpdateTime)
{
    public static CredentialResponse From(Credential credential) => new(
        credential.Id, credential.IdentityId, credential.RealmId, credential.TenantId, credential.State, "WEBAUTHN",
        credential.JwkJson, credential.JwkThumbprint, credential.CreateTime, credential.UpdateTime);
}
