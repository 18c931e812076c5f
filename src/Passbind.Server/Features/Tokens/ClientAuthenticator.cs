using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Applications;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// Authenticates the client of a token, introspection or revocation request against the application of the
/// path. A confidential client proves its secret (the current one, or the one a rotation replaced while its
/// grace lasts), by either client_secret_basic or client_secret_post; a public client sends its client_id
/// and no secret. Every failure looks the same to the caller.
/// </summary>
internal sealed class ClientAuthenticator(PassbindDbContext db, TimeProvider time)
{
    /// <summary>The application, tracked, when the credentials are its own; null otherwise.</summary>
    public async Task<Application?> AuthenticateAsync(
        string tenantId, string realmId, string applicationId, ClientCredentials credentials, CancellationToken cancellationToken)
    {
        var application = await db.Applications.FirstOrDefaultAsync(
            a => a.Id == applicationId && a.TenantId == tenantId && a.RealmId == realmId, cancellationToken);
        if (application is null || !FixedTimeEquals(application.ClientId, credentials.ClientId))
        {
            return null;
        }

        if (application.Confidentiality == ApplicationValues.Public)
        {
            return credentials.ClientSecret is null ? application : null;
        }

        return credentials.ClientSecret is { } secret && SecretMatches(application, secret, time.GetUtcNow()) ? application : null;
    }

    private static bool SecretMatches(Application application, string secret, DateTimeOffset now)
    {
        var presented = ClientSecrets.Hash(secret);
        var current = application.ClientSecretHash is { } hash && CryptographicOperations.FixedTimeEquals(hash, presented);
        var previous = application.PreviousClientSecretHash is { } old
            && application.PreviousClientSecretExpireTime > now
            && CryptographicOperations.FixedTimeEquals(old, presented);
        return current | previous;
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
