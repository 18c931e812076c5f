using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// Refresh tokens: 256 random bits, opaque, stored only as their SHA-256 in the family (grant) of the
/// authorization that issued them. Each use replaces the token with a new one; using a replaced one again
/// is reuse, and ends the family (RFC 9700 §4.14.2).
/// </summary>
internal sealed class RefreshTokens(TimeProvider time, IOptions<TokenOptions> options)
{
    /// <summary>Adds a new refresh token of the family to <paramref name="db"/> (the caller saves) and returns it with its record's id.</summary>
    public (string Token, string Id) Add(PassbindDbContext db, Application application, string subject, string identityId, string grantId, string scope)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var id = AccessTokens.NewTokenId();
        var now = time.GetUtcNow();
        db.IssuedTokens.Add(new IssuedToken
        {
            Id = id,
            TenantId = application.TenantId,
            RealmId = application.RealmId,
            ApplicationId = application.Id,
            Kind = IssuedTokenKinds.Refresh,
            Subject = subject,
            IdentityId = identityId,
            GrantId = grantId,
            Scope = scope,
            TokenHash = Hash(token),
            IssueTime = now,
            ExpireTime = now + options.Value.RefreshTokenLifetime,
        });
        return (token, id);
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
