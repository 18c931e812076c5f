using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Passbind.Server.Features.Tokens;

namespace Passbind.Server.Features.SignIn;

/// <summary>The first steps of reading a JWT this server may have signed, before its signature is checked.</summary>
internal static class SignedJwt
{
    /// <summary>
    /// The token and the key whose id its header names, if <paramref name="text"/> is a compact RS256 JWT of at
    /// most <paramref name="maxLength"/> characters signed with a key of the ring; null, never an exception, for
    /// anything else.
    /// </summary>
    public static async Task<(JsonWebToken Token, SecurityKey Key)?> OpenAsync(SigningKeyRing keys, string? text, int maxLength, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(text) || text.Length > maxLength)
        {
            return null;
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(text);
        }
        catch (ArgumentException)
        {
            return null;
        }

        return token.Alg == SecurityAlgorithms.RsaSha256 && !string.IsNullOrEmpty(token.Kid) && await keys.FindAsync(token.Kid, cancellationToken) is { } key
            ? (token, key.Key)
            : null;
    }
}
