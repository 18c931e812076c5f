using Microsoft.EntityFrameworkCore;
using Passbind.Storage;

namespace Passbind.Server.Operations;

/// <summary>
/// How the database's schema stands against this binary's migrations: what is still to apply, and what the
/// database has that this binary does not know (a newer Passbind migrated it).
/// </summary>
internal sealed record SchemaStatus(IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    public bool IsCurrent => Pending.Count == 0 && Unknown.Count == 0;

    public static async Task<SchemaStatus> ReadAsync(PassbindDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        return new SchemaStatus(known.Except(applied).ToList(), applied.Except(known).ToList());
    }

    /// <summary>
    /// Refuses to run on a database a newer binary migrated: this binary's model does not describe it, and
    /// writing through it could lose what the newer schema holds.
    /// </summary>
    public void ThrowIfNewerThanBinary(bool isSqlite)
    {
        if (Unknown.Count > 0)
        {
            throw new ConfigurationException([new ConfigurationProblem(
                isSqlite ? ConfigurationCheck.DataDirectoryKey : ConfigurationCheck.ConnectionStringKey,
                $"the database has {Unknown.Count} migration(s) this Passbind does not know ({string.Join(", ", Unknown)}): a newer Passbind upgraded it",
                "Run the Passbind version that upgraded it, or a newer one; downgrading a database is not supported (restore the backup taken before the upgrade instead)")]);
        }
    }
}
