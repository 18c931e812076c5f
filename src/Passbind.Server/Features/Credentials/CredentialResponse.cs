using Passbind.Storage.Entities;

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
    DateTimeOffset UpdateTime)
{
    /// <summary>Passbind's credentials are WebAuthn registrations.</summary>
    public const string WebAuthnCsrType = "WEBAUTHN";

    public static CredentialResponse From(Credential credential) => new(
        credential.Id, credential.IdentityId, credential.RealmId, credential.TenantId, credential.State, WebAuthnCsrType,
        credential.JwkJson, credential.JwkThumbprint, credential.CreateTime, credential.UpdateTime);
}
