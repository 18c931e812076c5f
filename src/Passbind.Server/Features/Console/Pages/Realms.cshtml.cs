using Microsoft.EntityFrameworkCore;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console.Pages;

/// <summary>The tenant's realms, to switch between.</summary>
internal sealed class RealmsModel(PassbindDbContext db) : ConsolePageModel(db)
{
    public IReadOnlyList<Realm> TenantRealms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        TenantRealms = await Db.Realms.AsNoTracking().Where(r => r.TenantId == TenantId).OrderBy(r => r.CreateTime).Take(200).ToListAsync(cancellationToken);
}
