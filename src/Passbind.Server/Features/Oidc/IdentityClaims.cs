using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Oidc;

/// <summary>The claims about the user that an id_token and userinfo release, by scope (OIDC Core §5.4).</summary>
internal static class IdentityClaims
{
    public static Dictionary<string, object> For(Identity identity, string subject, IReadOnlyCollection<string> scopes)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = subject };
        if (scopes.Contains(OidcScopes.Profile))
        {
            claims["name"] = identity.DisplayName;
            claims["preferred_username"] = identity.Username;
        }

        if (scopes.Contains(OidcScopes.Email) && identity.PrimaryEmailAddress is { } email)
        {
            claims["email"] = email;
        }

        return claims;
    }
}
