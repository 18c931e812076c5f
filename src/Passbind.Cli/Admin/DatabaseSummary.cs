using Microsoft.Data.Sqlite;

namespace Passbind.Cli.Admin;

/// <summary>What a Passbind SQLite file holds, checked: SQLite's own quick check, and counts an operator recognises.</summary>
internal sealed record DatabaseSummary(long Identities, long Passkeys, string LatestMigration)
{
    public static DatabaseSummary Read(string file)
    {
        using var connection = SqliteDataDirectory.Open(file, SqliteOpenMode.ReadOnly);
        connection.Open();
        var check = Scalar(connection, "PRAGMA quick_check") as string;
        if (check != "ok")
        {
            throw new AdminRefusedException("corrupt_database", $"{file} fails SQLite's quick check: {check}");
        }

        if (Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'") is not long and > 0)
        {
            throw new AdminRefusedException("not_a_passbind_database", $"{file} is a SQLite database, but not a Passbind one (it has no migrations table).");
        }

        return new DatabaseSummary(
            (long)Scalar(connection, "SELECT COUNT(*) FROM identities")!,
            (long)Scalar(connection, "SELECT COUNT(*) FROM credentials")!,
            Scalar(connection, "SELECT MAX(MigrationId) FROM __EFMigrationsHistory") as string ?? "none");
    }

    public override string ToString() => $"{Identities} identities, {Passkeys} passkeys, schema {LatestMigration}";

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
