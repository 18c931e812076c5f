namespace Passbind.Storage.Entities;

/// <summary>
/// An OAuth 2.0 / OpenID Connect client of a realm: a relying party that signs its users in, or a
/// client-credentials caller such as the management API application made at bootstrap.
/// </summary>
public sealed class Application : IStoredResource
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string RealmId { get; init; }
    public required string DisplayName { get; set; }
    public bool IsManaged { get; init; }

    /// <summary><c>management_api</c> for the tenant's management application, as bi-cli expects.</summary>
    public string? Classification { get; init; }

    public required string ClientId { get; init; }

    /// <summary><c>oidc</c> or <c>oauth2</c>.</summary>
    public required string ProtocolType { get; set; }

    /// <summary><c>confidential</c> or <c>public</c>.</summary>
    public required string Confidentiality { get; set; }

    /// <summary><c>client_secret_basic</c>, <c>client_secret_post</c> or <c>none</c> (public clients).</summary>
    public required string TokenEndpointAuthMethod { get; set; }

    /// <summary>The grant types it may use, as a JSON array of strings.</summary>
    public required string GrantTypesJson { get; set; }

    /// <summary>The exact redirect URIs of the authorization code flow, as a JSON array of strings.</summary>
    public required string RedirectUrisJson { get; set; }

    /// <summary><c>disabled</c>, <c>plain</c> or <c>s256</c>.</summary>
    public required string Pkce { get; set; }

    /// <summary>What an id_token's <c>sub</c> is: <c>id</c>, <c>email</c> or <c>username</c> of the identity.</summary>
    public required string SubjectField { get; set; }

    /// <summary><c>RS256</c>.</summary>
    public required string TokenSigningAlgorithm { get; set; }

    /// <summary><c>self_contained</c>: signed JWTs.</summary>
    public required string TokenFormat { get; set; }

    /// <summary>The authenticator config its sign-in ceremony runs with; null for client-credentials callers.</summary>
    public string? AuthenticatorConfigId { get; set; }

    /// <summary>SHA-256 of the client secret (shown once); null for public clients.</summary>
    public byte[]? ClientSecretHash { get; set; }

    /// <summary>SHA-256 of the secret a rotation replaced, accepted until <see cref="PreviousClientSecretExpireTime"/>.</summary>
    public byte[]? PreviousClientSecretHash { get; set; }

    public DateTimeOffset? PreviousClientSecretExpireTime { get; set; }

    /// <summary>Tokens issued before this instant are dead: rotating the secret sets it.</summary>
    public DateTimeOffset? TokensValidAfter { get; set; }

    /// <summary>Space-separated scopes a token of this application may carry.</summary>
    public required string AllowedScopes { get; set; }

    /// <summary>The realm its tokens may act in: a realm id, or <c>*</c> for every realm of the tenant.</summary>
    public required string TokenRealm { get; init; }

    /// <summary>Access token lifetime (<c>token_configuration.expires_after</c>), also the longest a client may ask for.</summary>
    public int TokenLifetimeSeconds { get; set; }
    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset UpdateTime { get; set; }
}
