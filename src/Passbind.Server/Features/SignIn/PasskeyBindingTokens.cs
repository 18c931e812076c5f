using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.Tokens;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// The <c>passkey_binding_token</c> a one-time code sign-in yields for an identity without an active passkey
/// (docs/sign-in-protocol.md §6): a short-lived JWT, signed like the request JWT, that lets the application it was
/// issued for create one RETURN binding link for that identity. It works only while the identity still has no
/// active passkey, so binding one ends it.
/// </summary>
internal sealed class PasskeyBindingTokens(SigningKeyRing keys, SignInRequestTokens requests, IOptions<SignInOptions> options, TimeProvider time)
{
    private const string TokenType = "passkey-binding+jwt";
    private const int MaxLength = 4 * 1024;

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> IssueAsync(string tenantId, string realmId, string applicationId, string identityId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = await keys.GetSigningKeyAsync(tenantId, realmId, cancellationToken);
        var issuer = requests.Issuer(tenantId, realmId, applicationId);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = TokenType,
            Issuer = issuer,
            Audience = issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + options.Value.PasskeyBindingTokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = identityId, ["jti"] = Guid.NewGuid().ToString("N") },
        });
    }

    /// <summary>The identity a token lets <paramref name="applicationId"/>'s issuer bind a passkey for; null for any token that does not.</summary>
    public async Task<string?> ReadIdentityAsync(string? token, string tenantId, string realmId, string applicationId, CancellationToken cancellationToken)
    {
        if (await SignedJwt.OpenAsync(keys, token, MaxLength, cancellationToken) is not var (jwt, key) || jwt.Typ != TokenType)
        {
            return null;
        }

        var issuer = requests.Issuer(tenantId, realmId, applicationId);
        var result = await Handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidIssuer = issuer,
            ValidAudience = issuer,
            ValidTypes = [TokenType],
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

        // Lifetime is checked against the injected clock, so tests can move time.
        return result.IsValid && jwt.ValidTo > time.GetUtcNow().UtcDateTime && !string.IsNullOrEmpty(jwt.Subject) ? jwt.Subject : null;
    }
}
