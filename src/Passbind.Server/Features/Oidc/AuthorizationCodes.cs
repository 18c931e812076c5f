using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Passbind.Server.Features.Tokens;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Oidc;

/// <summary>
/// Authorization codes (RFC 6749 §4.1.2): 256 random bits, stored only as the SHA-256 of the code's UTF-8 text,
/// bound to the client, redirect URI, PKCE challenge and nonce of the authorize request, alive for
/// <see cref="Lifetime"/> and redeemed once at the token endpoint.
/// </summary>
internal sealed class AuthorizationCodes(TimeProvider time)
{
    /// <summary>How long a code can be redeemed: RFC 6749 §4.1.2 recommends at most ten minutes; ASVS 10.4.3 and Keycloak's default, one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>The stored form of a code: SHA-256 of its UTF-8 text.</summary>
    public static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    /// <summary>
    /// Adds a code for <paramref name="content"/> to the caller's unit of work without saving it, so that it commits
    /// together with whatever earned it (a sign-in transaction marked complete), or not at all. Answers the code.
    /// </summary>
    public string Add(PassbindDbContext db, AuthorizationCodeContent content)
    {
        var now = time.GetUtcNow();
        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        db.AuthorizationCodes.Add(new AuthorizationCode
        {
            CodeHash = Hash(code),
            TenantId = content.TenantId,
            RealmId = content.RealmId,
            ApplicationId = content.ApplicationId,
            IdentityId = content.IdentityId,
            CredentialId = content.CredentialId,
            RedirectUri = content.RedirectUri,
            CodeChallenge = content.CodeChallenge,
            CodeChallengeMethod = content.CodeChallengeMethod,
            Nonce = content.Nonce,
            Scope = content.Scope,
            AuthTime = content.AuthTime,
            Amr = string.Join(' ', content.Amr),
            CreateTime = now,
            ExpireTime = now + Lifetime,
            GrantId = AccessTokens.NewTokenId(),
        });
        return code;
    }
}
