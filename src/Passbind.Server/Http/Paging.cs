using Microsoft.EntityFrameworkCore;
using Passbind.Storage;

namespace Passbind.Server.Http;

internal static class Paging
{
    /// <summary>
    /// Reads one page in id order (keyset paging: stable under inserts, and as fast on page 1000 as on
    /// page 1). <c>total_size</c> counts every match, not only the page.
    /// </summary>
    public static async Task<Page<TEntity>> ToPageAsync<TEntity>(
        this IQueryable<TEntity> matches,
        PageRequest page,
        PageTokens tokens,
        TimeProvider time,
        CancellationToken cancellationToken)
        where TEntity : class, IStoredResource
    {
        var total = await matches.CountAsync(cancellationToken);
        // string.Compare is what EF Core translates to the column's own ordering, the same one ORDER BY uses.
#pragma warning disable CA1309
        var remaining = page.AfterId is null ? matches : matches.Where(e => string.Compare(e.Id, page.AfterId) > 0);
#pragma warning restore CA1309
        var rows = await remaining
            .OrderBy(e => e.Id)
            .Skip(page.Skip)
            .Take(page.PageSize + 1)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        string? next = null;
        if (rows.Count > page.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            next = page.NextToken(tokens, rows[^1].Id, time.GetUtcNow());
        }

        return new Page<TEntity>(rows, total, next);
    }
}
