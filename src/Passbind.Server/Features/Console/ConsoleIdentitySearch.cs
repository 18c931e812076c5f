using Microsoft.EntityFrameworkCore;
using Passbind.Core.Validation;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Console;

/// <summary>
/// Finds identities by username or email address with range scans of the realm's indexes, never a scan of the
/// realm: a username prefix on (RealmId, NormalizedUsername), an email prefix on (RealmId, PrimaryEmailAddress).
/// A prefix <c>p</c> is the range <c>[p, p')</c> where <c>p'</c> is <c>p</c> with its last character incremented.
/// </summary>
internal static class ConsoleIdentitySearch
{
    public const int PageSize = 50;

    public static Task<List<Identity>> SearchAsync(PassbindDbContext db, string tenantId, string realmId, string? query, CancellationToken cancellationToken)
    {
        var realm = db.Identities.AsNoTracking().Where(i => i.RealmId == realmId && i.TenantId == tenantId);
        var text = query?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return realm.OrderByDescending(i => i.CreateTime).Take(PageSize).ToListAsync(cancellationToken);
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            var (low, high) = Range(text);
            return realm.Where(i => i.PrimaryEmailAddress!.CompareTo(low) >= 0 && i.PrimaryEmailAddress.CompareTo(high) < 0)
                .OrderBy(i => i.PrimaryEmailAddress).Take(PageSize).ToListAsync(cancellationToken);
        }

        var (from, to) = Range(FieldRules.NormalizeUsername(text));
        return realm.Where(i => i.NormalizedUsername.CompareTo(from) >= 0 && i.NormalizedUsername.CompareTo(to) < 0)
            .OrderBy(i => i.NormalizedUsername).Take(PageSize).ToListAsync(cancellationToken);
    }

    private static (string Low, string High) Range(string prefix) =>
        (prefix, prefix[..^1] + (char)(prefix[^1] + 1));
}
