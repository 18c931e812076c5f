using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Console;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;

namespace Passbind.Server.Tests.Features.Console;

/// <summary>
/// The console's identity search stays fast at a million identities because the database answers it from an index,
/// never by reading the realm: each kind of search is planned by the database itself (SQLite's EXPLAIN QUERY PLAN,
/// PostgreSQL's EXPLAIN with sequential scans priced out, as a large table would price them) and must use an index.
/// </summary>
public abstract class ConsoleIdentitySearchTests(PassbindServer server)
{
    [Theory]
    [InlineData(null, "NormalizedUsername")]
    [InlineData("ad", "NormalizedUsername")]
    [InlineData("ada@exa", "PrimaryEmailAddress")]
    public async Task Query_EachKindOfSearch_IsAnIndexRangeScanWithoutASort(string? query, string column)
    {
        var realm = await server.CreateRealmAsync(server.Bootstrap.TenantId);

        var plan = await server.QueryDbAsync(db => PlanAsync(db, ConsoleIdentitySearch.Query(db, realm.TenantId, realm.RealmId, query)));

        if (server.Database == TestDatabase.Sqlite)
        {
            Assert.Matches($"SEARCH \\w+ USING (COVERING )?INDEX \\w*{column}\\w* \\(RealmId=\\?", plan);
            Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }
        else
        {
            Assert.Matches($"Index (Only )?Scan using \"?\\w*{column}\\w*\"? on", plan);
            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        }
    }

    private async Task<string> PlanAsync(PassbindDbContext db, IQueryable<Passbind.Storage.Entities.Identity> query)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            using DbCommand command = query.CreateDbCommand();
            if (server.Database == TestDatabase.Sqlite)
            {
                command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
                command.CommandText = "EXPLAIN " + command.CommandText;
            }

            var lines = new List<string>();
            using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(reader.FieldCount - 1));
            }

            return string.Join('\n', lines);
        }
        finally
        {
            if (server.Database != TestDatabase.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("RESET enable_seqscan");
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    public sealed class Sqlite(SqliteServer server) : ConsoleIdentitySearchTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ConsoleIdentitySearchTests(server), IClassFixture<PostgreSqlServer>;
}
