using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passbind.Bench.Ceilings;

/// <summary>
/// The database ceiling: the bind's writes alone, in plain ADO.NET on the server's own schema and database, each
/// transaction durable by an fsync of its own (SQLite: WAL, synchronous=FULL, foreign keys on; PostgreSQL: its
/// defaults, fsync and synchronous_commit on). This is the one-transaction-per-fsync ceiling that the server's group
/// commit on SQLite (docs/storage.md) can pass, where concurrent commits share an fsync. Each operation looks the job up by id and token hash, then in one
/// transaction consumes it conditionally and inserts the credential, as <c>BindingCeremony.ConsumeAndStoreAsync</c>
/// does (challenges are sealed, not stored: there are none to delete). The best of a few concurrencies is the ceiling.
/// </summary>
internal sealed class DatabaseCeiling(bool postgreSql, string connectionString)
{
    private const string SqlitePragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
    private const string UsableStates = "('LINK_SENT','LINK_OPENED','REQUEST_DELIVERED')";

    public async Task<(double OpsPerSecond, int Concurrency)> MeasureAsync(BindTransactionTarget target, TimeSpan duration, IReadOnlyList<int> concurrencies, CancellationToken cancellationToken)
    {
        var best = (OpsPerSecond: 0.0, Concurrency: 0);
        foreach (var concurrency in concurrencies)
        {
            // Enough jobs for 5,000 a second, beyond what either provider sustains durably here; if they run
            // out, the rate is still done / elapsed.
            var jobs = await PrepareJobsAsync(target, (int)Math.Min(100_000, 5_000 * duration.TotalSeconds), cancellationToken);
            var next = -1;
            long done = 0;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                await using var connection = await OpenAsync(cancellationToken);
                while (stopwatch.Elapsed < duration)
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= jobs.Count)
                    {
                        break;
                    }

                    await BindAsync(connection, target, jobs[index], cancellationToken);
                    Interlocked.Increment(ref done);
                }
            }, cancellationToken)));
            var rate = done / stopwatch.Elapsed.TotalSeconds;
            if (rate > best.OpsPerSecond)
            {
                best = (rate, concurrency);
            }
        }

        return best;
    }

    private async Task BindAsync(DbConnection connection, BindTransactionTarget target, (string Id, byte[] TokenHash) job, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow().UtcTicks;
        await using (var lookup = connection.CreateCommand())
        {
            lookup.CommandText = """SELECT "Id", "State", "ExpireTime", "AuthenticatorConfigId" FROM credential_binding_jobs WHERE "Id" = @id AND "TenantId" = @t AND "RealmId" = @r AND "IdentityId" = @i""";
            Add(lookup, "id", job.Id);
            Add(lookup, "t", target.TenantId);
            Add(lookup, "r", target.RealmId);
            Add(lookup, "i", target.IdentityId);
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("prepared job not found");
            }
        }

        var credentialRowId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var consume = connection.CreateCommand())
        {
            consume.Transaction = transaction;
            consume.CommandText = $"""UPDATE credential_binding_jobs SET "State" = 'COMPLETE', "CredentialId" = @c, "UpdateTime" = @now WHERE "Id" = @id AND "TokenHash" = @h AND "State" IN {UsableStates} AND "ExpireTime" > @now""";
            Add(consume, "c", credentialRowId);
            Add(consume, "now", now);
            Add(consume, "id", job.Id);
            Add(consume, "h", job.TokenHash);
            if (await consume.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException("prepared job not consumed");
            }
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO credentials ("Id", "TenantId", "RealmId", "IdentityId", "CredentialId", "PublicKey", "JwkJson", "JwkThumbprint",
                  "SignCount", "BackupEligible", "BackupState", "UserVerified", "AttestationFormat", "Aaguid", "Transports", "KeyType", "State",
                  "BindingJobId", "CreateTime", "UpdateTime")
                VALUES (@id, @t, @r, @i, @cid, @pk, @jwk, @thumb, 0, @f, @f, @tr, 'packed', @aaguid, 'internal', 'subtle', 'ACTIVE', @job, @now, @now)
                """;
            Add(insert, "id", credentialRowId);
            Add(insert, "t", target.TenantId);
            Add(insert, "r", target.RealmId);
            Add(insert, "i", target.IdentityId);
            Add(insert, "cid", RandomNumberGenerator.GetBytes(32));
            Add(insert, "pk", RandomNumberGenerator.GetBytes(77));
            Add(insert, "jwk", """{"crv":"P-256","kty":"EC","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}""");
            Add(insert, "thumb", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            Add(insert, "f", false);
            Add(insert, "tr", true);
            Add(insert, "aaguid", postgreSql ? Guid.Empty : Guid.Empty.ToString().ToUpperInvariant());
            Add(insert, "job", job.Id);
            Add(insert, "now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<List<(string Id, byte[] TokenHash)>> PrepareJobsAsync(BindTransactionTarget target, int count, CancellationToken cancellationToken)
    {
        var jobs = new List<(string, byte[])>(count);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO credential_binding_jobs ("Id", "TenantId", "RealmId", "IdentityId", "DeliveryMethod", "State", "PostBindingRedirectUri",
              "AuthenticatorConfigId", "TokenHash", "ExpireTime", "CredentialId", "CreateTime", "UpdateTime")
            VALUES (@id, @t, @r, @i, 'RETURN', 'REQUEST_DELIVERED', 'http://example.com/bound', @config, @h, @expire, NULL, 0, 0)
            """;
        var id = Add(insert, "id", "");
        Add(insert, "t", target.TenantId);
        Add(insert, "r", target.RealmId);
        Add(insert, "i", target.IdentityId);
        Add(insert, "config", target.AuthenticatorConfigId);
        var hash = Add(insert, "h", Array.Empty<byte>());
        Add(insert, "expire", long.MaxValue);
        await insert.PrepareAsync(cancellationToken);
        for (var n = 0; n < count; n++)
        {
            var job = (Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), RandomNumberGenerator.GetBytes(32));
            id.Value = job.Item1;
            hash.Value = job.Item2;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            jobs.Add(job);
        }

        await transaction.CommitAsync(cancellationToken);
        return jobs;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = postgreSql ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!postgreSql)
        {
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqlitePragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
