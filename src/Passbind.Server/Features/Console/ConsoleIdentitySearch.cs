using Microsoft.EntityFrameworkCore;
using Passbind.Core.Validation;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console;

/// <summary>
/// Finds identities by username or email address with range scans of the realm's indexes, never a scan of the
/// realm: a username prefix on (RealmId, NormalizedUsername), an email prefix on (RealmId, PrimaryEmailAddress), and no
/// query at all the first usernames in that index's order. A prefix <c>p</c> is the range <c>[p, p')</c> where <c>p'</c>
/// is <c>p</c> with its last character incremented.
/// </summary>
internal static class ConsoleIdentitySearch
{
    public const int PageSize = 50;

    public static Task<List<Identity>> SearchAsync(PassbindDbContext db, string tenantId, string realmId, string? query, CancellationToken cancellationToken) =>
        Query(db, tenantId, realmId, query).ToListAsync(cancellationToken);

    /// <summary>The search as a query, so that its plan can be checked against the indexes.</summary>
    public static IQueryable<Identity> Query(PassbindDbContext db, string tenantId, string realmId, string? query)
    {
        var realm = db.Identities.AsNoTracking().Where(i => i.RealmId == realmId && i.TenantId == tenantId);
        var text = query?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            // In the unique index's order: the newest would need a sort of the whole realm.
            return realm.OrderBy(i => i.NormalizedUsername).Take(PageSize);
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            var (low, high) = Range(text);
            return realm.Where(i => i.PrimaryEmailAddress!.CompareTo(low) >= 0 && i.PrimaryEmailAddress.CompareTo(high) < 0)
                .OrderBy(i => i.PrimaryEmailAddress).Take(PageSize);
        }

        var (from, to) = Range(FieldRules.NormalizeUsername(text));
        return realm.Where(i => i.NormalizedUsername.CompareTo(from) >= 0 && i.NormalizedUsername.CompareTo(to) < 0)
            .OrderBy(i => i.NormalizedUsername).Take(PageSize);
    }

    private static (string Low, string High) Range(string prefix) =>
        (prefix, prefix[..^1] + (char)(prefix[^1] + 1));
}
