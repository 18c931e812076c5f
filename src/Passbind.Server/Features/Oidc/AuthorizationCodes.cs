using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Passbind.Server.Features.Tokens;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Oidc;

/// <summary>
/// Authorization codes (RFC 6749 §4.1.2): 256 random bits, stored only as their SHA-256, bound to the
/// client, redirect URI, PKCE challenge and nonce of the sign-in transaction, alive for
/// <see cref="Lifetime"/> and redeemed once at the token endpoint.
/// </summary>
internal sealed class AuthorizationCodes(PassbindDbContext db, TimeProvider time)
{
    /// <summary>How long a code can be redeemed: RFC 6749 §4.1.2 recommends at most ten minutes; ours is one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Issues the code that ends a verified sign-in of <paramref name="identityId"/> in
    /// <paramref name="transaction"/>. The code is added to the context and every pending change of the
    /// context is saved with it, so that a transaction marked complete by the caller commits together with
    /// its code. <paramref name="amr"/> names how the user authenticated (RFC 8176; see
    /// <see cref="AuthenticationMethodReferences"/>). Returns the code, for <see cref="RedirectUrl"/>.
    /// </summary>
    public async Task<string> IssueAsync(
        SignInTransaction transaction, string identityId, string? credentialId, IReadOnlyList<string> amr, CancellationToken cancellationToken)
    {
        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        db.AuthorizationCodes.Add(new AuthorizationCode
        {
            CodeHash = Hash(code),
            TenantId = transaction.TenantId,
            RealmId = transaction.RealmId,
            ApplicationId = transaction.ApplicationId,
            IdentityId = identityId,
            CredentialId = credentialId,
            RedirectUri = transaction.RedirectUri,
            CodeChallenge = transaction.CodeChallenge,
            CodeChallengeMethod = transaction.CodeChallengeMethod,
            Nonce = transaction.Nonce,
            Scope = transaction.Scope,
            AuthTime = now,
            Amr = string.Join(' ', amr),
            CreateTime = now,
            ExpireTime = now + Lifetime,
            GrantId = AccessTokens.NewTokenId(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>
    /// Where the browser goes with the code: the transaction's redirect URI with <c>code</c> and, when the
    /// relying party sent one, <c>state</c> added to its query (RFC 6749 §4.1.2).
    /// </summary>
    public static string RedirectUrl(SignInTransaction transaction, string code)
    {
        var parameters = new Dictionary<string, string?> { ["code"] = code };
        if (transaction.State is not null)
        {
            parameters["state"] = transaction.State;
        }

        return QueryHelpers.AddQueryString(transaction.RedirectUri, parameters);
    }

    public static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));
}
