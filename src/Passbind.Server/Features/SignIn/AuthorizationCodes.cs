using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// Issues authorization codes (RFC 6749 §4.1.2): 256 random bits, kept only as the SHA-256 of the code's UTF-8
/// text, living 60 seconds, bound to the client, redirect URI and PKCE challenge of the authorize request. The
/// token endpoint redeems them once.
/// </summary>
internal sealed class AuthorizationCodes(TimeProvider time)
{
    /// <summary>ASVS 10.4.3 (level 3) and Keycloak's default: one minute.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>The stored form of a code: SHA-256 of its UTF-8 text.</summary>
    public static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    /// <summary>Adds a code for <paramref name="grant"/> to the caller's unit of work, without saving; answers the code.</summary>
    public string Add(PassbindDbContext db, AuthorizationCodeGrant grant)
    {
        var now = time.GetUtcNow();
        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        db.AuthorizationCodes.Add(new AuthorizationCode
        {
            CodeHash = Hash(code),
            TenantId = grant.TenantId,
            RealmId = grant.RealmId,
            ApplicationId = grant.ApplicationId,
            IdentityId = grant.IdentityId,
            CredentialId = grant.CredentialId,
            RedirectUri = grant.RedirectUri,
            CodeChallenge = grant.CodeChallenge,
            CodeChallengeMethod = grant.CodeChallengeMethod,
            Nonce = grant.Nonce,
            Scope = grant.Scope,
            AuthTime = grant.AuthTime,
            Amr = string.Join(' ', grant.Amr),
            CreateTime = now,
            ExpireTime = now + Lifetime,
            GrantId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        });
        return code;
    }
}
