namespace Passbind.Client;

/// <summary>
/// An application's <c>protocol_config</c>. In requests, <see langword="null"/> properties are not sent, so a PATCH
/// carries only what it changes; <see cref="ClientId"/> and <see cref="ClientSecret"/> are the server's to set.
/// </summary>
public sealed record ApplicationProtocolConfig
{
    /// <summary><c>oidc</c> or <c>oauth2</c> (<c>type</c>). Required on create; fixed after.</summary>
    public string? Type { get; init; }

    /// <summary>The scopes its tokens may carry (<c>allowed_scopes</c>).</summary>
    public IReadOnlyList<string>? AllowedScopes { get; init; }

    /// <summary>The client id (<c>client_id</c>), made by the server.</summary>
    public string? ClientId { get; init; }

    /// <summary>The client secret (<c>client_secret</c>): present only in the answer of a create or a secret rotation.</summary>
    public string? ClientSecret { get; init; }

    /// <summary><c>confidential</c> (default) or <c>public</c> (<c>confidentiality</c>); fixed after creation.</summary>
    public string? Confidentiality { get; init; }

    /// <summary><c>client_secret_basic</c>, <c>client_secret_post</c> or <c>none</c> for a public client (<c>token_endpoint_auth_method</c>).</summary>
    public string? TokenEndpointAuthMethod { get; init; }

    /// <summary>The grant types (<c>grant_type</c>): <c>authorization_code</c>, <c>client_credentials</c>, <c>refresh_token</c>. Required on create.</summary>
    public IReadOnlyList<string>? GrantType { get; init; }

    /// <summary>The exact redirect URIs of the code flow (<c>redirect_uris</c>).</summary>
    public IReadOnlyList<string>? RedirectUris { get; init; }

    /// <summary>The token settings (<c>token_configuration</c>).</summary>
    public ApplicationTokenConfiguration? TokenConfiguration { get; init; }

    /// <summary><c>disabled</c>, <c>plain</c> or <c>s256</c> (<c>pkce</c>); a public client must use <c>s256</c>.</summary>
    public string? Pkce { get; init; }

    /// <summary><c>self_contained</c> (<c>token_format</c>).</summary>
    public string? TokenFormat { get; init; }
}
