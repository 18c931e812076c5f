namespace Passbind.Server.Features.Oidc;

/// <summary>The OpenID Connect scopes this server gives meaning to.</summary>
internal static class OidcScopes
{
    public const string OpenId = "openid";
    public const string Profile = "profile";
    public const string Email = "email";

    /// <summary>Asks for a refresh token (OIDC Core §11), which the application must also allow.</summary>
    public const string OfflineAccess = "offline_access";

    /// <summary>What any OIDC application may ask for beside its own allowed scopes.</summary>
    public static readonly IReadOnlyList<string> Standard = [OpenId, Profile, Email, OfflineAccess];

    /// <summary>The claims the scopes above release, for the discovery document.</summary>
    public static readonly IReadOnlyList<string> Claims =
        ["iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "amr", "azp", "name", "preferred_username", "email"];
}
