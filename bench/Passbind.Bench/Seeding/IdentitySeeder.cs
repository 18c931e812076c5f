using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passbind.Bench.Seeding;

/// <summary>
/// Seeds identities in bulk, straight into the server's database, as copies of a template identity that was
/// created through the API: every column is the template's, with the username (and so the normalized username,
/// the display name, the email address and the traits JSON, where it appears the same way) renumbered, and a
/// fresh random id and user handle. So each row is exactly what the API would have written for that username.
/// Usernames are <c>bench-{n}</c>, lowercase ASCII, which NFKC and case folding leave unchanged.
/// </summary>
internal sealed class IdentitySeeder(bool postgreSql, string connectionString)
{
    public const string TemplateToken = "bench-template";
    private const int Batch = 100_000;

    private const string Columns = """("Id", "TenantId", "RealmId", "DisplayName", "Status", "Username", "NormalizedUsername", "PrimaryEmailAddress", "TraitsJson", "UserHandle", "CreateTime", "UpdateTime")""";

    /// <summary>Adds identities numbered <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public async Task SeedAsync(string templateId, long from, long to, CancellationToken cancellationToken)
    {
        for (var start = from; start <= to; start += Batch)
        {
            var end = Math.Min(to, start + Batch - 1);
            await using var connection = postgreSql ? (DbConnection)new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 600;
            command.CommandText = postgreSql ? PostgreSqlInsert : SqliteInsert;
            Add(command, "template", templateId);
            Add(command, "token", TemplateToken);
            Add(command, "start", start);
            Add(command, "end", end);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private const string SqliteInsert = $"""
        INSERT INTO identities {Columns}
        WITH RECURSIVE seq(n) AS (SELECT @start UNION ALL SELECT n + 1 FROM seq WHERE n < @end)
        SELECT lower(hex(randomblob(8))), t."TenantId", t."RealmId",
               replace(t."DisplayName", @token, 'bench-' || n), t."Status",
               replace(t."Username", @token, 'bench-' || n), replace(t."NormalizedUsername", @token, 'bench-' || n),
               replace(t."PrimaryEmailAddress", @token, 'bench-' || n), replace(t."TraitsJson", @token, 'bench-' || n),
               randomblob(32), t."CreateTime", t."UpdateTime"
        FROM seq, identities t WHERE t."Id" = @template
        """;

    private const string PostgreSqlInsert = $"""
        INSERT INTO identities {Columns}
        SELECT substr(md5(random()::text || n::text), 1, 16), t."TenantId", t."RealmId",
               replace(t."DisplayName", @token, 'bench-' || n), t."Status",
               replace(t."Username", @token, 'bench-' || n), replace(t."NormalizedUsername", @token, 'bench-' || n),
               replace(t."PrimaryEmailAddress", @token, 'bench-' || n), replace(t."TraitsJson", @token, 'bench-' || n),
               decode(md5(random()::text), 'hex') || decode(md5(random()::text), 'hex'), t."CreateTime", t."UpdateTime"
        FROM generate_series(@start::bigint, @end::bigint) AS n, identities t WHERE t."Id" = @template
        """;

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
