namespace Passbind.Client;

/// <summary>A credential: a passkey bound to an identity, as the server knows it.</summary>
public sealed record Credential
{
    /// <summary>The credential id (<c>id</c>). Default empty.</summary>
    public string Id { get; init; } = "";

    /// <summary>The identity (<c>identity_id</c>). Default empty.</summary>
    public string IdentityId { get; init; } = "";

    /// <summary>The realm (<c>realm_id</c>). Default empty.</summary>
    public string RealmId { get; init; } = "";

    /// <summary>The tenant (<c>tenant_id</c>). Default empty.</summary>
    public string TenantId { get; init; } = "";

    /// <summary><see cref="CredentialStates.Active"/> or <see cref="CredentialStates.Revoked"/> (<c>state</c>). Default empty.</summary>
    public string State { get; init; } = "";

    /// <summary>How the key was certified (<c>csr_type</c>): <c>JWT</c>, <c>WEBAUTHN</c> or <c>FIDO2</c>. Default <see langword="null"/>.</summary>
    public string? CsrType { get; init; }

    /// <summary>The public key as a JSON Web Key, as a string containing JSON (<c>jwk_json</c>). Default <see langword="null"/>.</summary>
    public string? JwkJson { get; init; }

    /// <summary>The key's RFC 7638 thumbprint, base64url (<c>jwk_thumbprint</c>). Default <see langword="null"/>.</summary>
    public string? JwkThumbprint { get; init; }

    /// <summary>When it was created (<c>create_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When it was last changed (<c>update_time</c>). Default <see langword="null"/>.</summary>
    public DateTimeOffset? UpdateTime { get; init; }
}
