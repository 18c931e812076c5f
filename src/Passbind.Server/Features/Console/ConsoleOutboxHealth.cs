using Microsoft.EntityFrameworkCore;
using Passbind.Storage;

namespace Passbind.Server.Features.Console;

/// <summary>A realm's email outbox at a glance: how many messages are in each state.</summary>
internal static class ConsoleOutboxHealth
{
    public static Task<Dictionary<string, int>> CountsAsync(PassbindDbContext db, string tenantId, string realmId, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.TenantId == tenantId && m.RealmId == realmId)
            .GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
