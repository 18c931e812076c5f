using Npgsql;

namespace Passbind.Testing.Storage;

/// <summary>
/// The storage of one test server: a fresh temporary data directory, and for PostgreSQL a fresh database made
/// on the cluster named by <c>PASSBIND_TEST_POSTGRES</c> (tests/run.sh starts one). Several servers may share
/// one storage, one after the other (a restart) or at once (two nodes).
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    public const string PostgresVariable = "PASSBIND_TEST_POSTGRES";

    private TestStorage(TestDatabase database, string dataDirectory, string? connectionString, string? databaseName)
    {
        Database = database;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        DatabaseName = databaseName;
    }

    public TestDatabase Database { get; }

    public string DataDirectory { get; }

    /// <summary>The server's <c>ConnectionStrings:Passbind</c>; null for SQLite (the server's default file).</summary>
    public string? ConnectionString { get; }

    private string? DatabaseName { get; }

    public static async Task<TestStorage> CreateAsync(TestDatabase database)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("passbind-test-").FullName;
        if (database == TestDatabase.Sqlite)
        {
            return new TestStorage(database, dataDirectory, null, null);
        }

        var admin = AdminConnectionString();
        var name = $"passbind_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestStorage(database, dataDirectory, builder.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (DatabaseName is not null)
        {
            // The server's pool may still hold connections; FORCE (PostgreSQL 13+) ends them.
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a server being torn down; the temp directory is cleaned by the OS eventually.
        }
    }

    private static string AdminConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL variant of this test cannot run. Run tests/run.sh, which starts " +
                $"a throwaway PostgreSQL cluster and sets it, or set {PostgresVariable} to an Npgsql connection string for a superuser.");
        }

        return value;
    }
}
