using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Credentials;
using Passbind.Server.Features.Identities;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens.Grants;

/// <summary>The identity a code or refresh token speaks for, if it is still there and active in the application's realm.</summary>
internal static class SignedInIdentity
{
    public static Task<Identity?> FindActiveAsync(PassbindDbContext db, Application application, string identityId, CancellationToken cancellationToken) =>
        db.Identities.AsNoTracking().FirstOrDefaultAsync(
            i => i.Id == identityId && i.TenantId == application.TenantId && i.RealmId == application.RealmId && i.Status == IdentityStatuses.Active,
            cancellationToken);

    /// <summary>Whether the passkey <paramref name="credentialId"/> (its resource id) is still the identity's and active.</summary>
    public static Task<bool> CredentialIsActiveAsync(PassbindDbContext db, Identity identity, string credentialId, CancellationToken cancellationToken) =>
        db.Credentials.AnyAsync(
            c => c.Id == credentialId && c.IdentityId == identity.Id && c.RealmId == identity.RealmId && c.State == CredentialStates.Active,
            cancellationToken);
}
