using Microsoft.EntityFrameworkCore;
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
}
