using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Audit;
using Passbind.Server.Features.Email;
using Passbind.Storage;

namespace Passbind.Server.Features.Console.Pages;

/// <summary>
/// The realm over the last 14 days: passkeys bound, sign-ins completed, and failures (passkey assertions and
/// registrations refused, sign-ins that ended without completing, and emails that could not be sent), per UTC day;
/// and the email outbox's health.
/// </summary>
internal sealed class DashboardModel(PassbindDbContext db, TimeProvider time) : ConsolePageModel(db)
{
    public const int Days = 14;

    public IReadOnlyList<DailyCounts> Charts { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Outbox { get; private set; } = new Dictionary<string, int>();

    /// <summary>When the oldest message still waiting to be sent was queued, if one is.</summary>
    public DateTimeOffset? OldestPending { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(1 - Days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Only the times are read, and only the window's.
        var bound = await Db.Credentials.AsNoTracking()
            .Where(c => c.TenantId == TenantId && c.RealmId == Realm && c.CreateTime >= since)
            .Select(c => c.CreateTime).ToListAsync(cancellationToken);
        var signIns = await Db.SignInTransactions.AsNoTracking()
            .Where(t => t.TenantId == TenantId && t.RealmId == Realm && t.CompleteTime >= since)
            .Select(t => t.CompleteTime!.Value).ToListAsync(cancellationToken);
        var abandoned = await Db.SignInTransactions.AsNoTracking()
            .Where(t => t.TenantId == TenantId && t.RealmId == Realm && t.CompleteTime == null && t.ExpireTime >= since && t.ExpireTime < Now)
            .Select(t => t.ExpireTime).ToListAsync(cancellationToken);
        var refusedCeremonies = await Db.AuditEvents.AsNoTracking()
            .Where(e => e.Time >= since && e.TenantId == TenantId && e.RealmId == Realm
                && (e.Type == AuditTrail.SignInFailed || e.Type == AuditTrail.RegistrationFailed))
            .Select(e => e.Time).ToListAsync(cancellationToken);
        var failedEmails = await Db.OutboxMessages.AsNoTracking()
            .Where(m => m.TenantId == TenantId && m.RealmId == Realm && m.State == OutboxStates.Failed && m.CreateTime >= since)
            .Select(m => m.CreateTime).ToListAsync(cancellationToken);

        Charts =
        [
            DailyCounts.Of("binds", "Passkeys bound", "Passkeys bound to identities of this realm.", bound, today, Days),
            DailyCounts.Of("signins", "Sign-ins", "Sign-ins completed with a passkey or a one-time code.", signIns, today, Days),
            DailyCounts.Of(
                "failures",
                "Failures",
                "Passkey assertions and registrations refused, sign-ins that expired without completing, and emails that could not be sent.",
                refusedCeremonies.Concat(abandoned).Concat(failedEmails),
                today,
                Days),
        ];
        Outbox = await ConsoleOutboxHealth.CountsAsync(Db, TenantId, Realm, cancellationToken);
        var pending = await Db.OutboxMessages.AsNoTracking()
            .Where(m => m.TenantId == TenantId && m.RealmId == Realm && m.State == OutboxStates.Pending)
            .OrderBy(m => m.CreateTime).Select(m => (DateTimeOffset?)m.CreateTime).FirstOrDefaultAsync(cancellationToken);
        OldestPending = pending;
    }
}
