using Npgsql;

namespace Passbind.Server.Tests.Email;

/// <summary>
/// Where one test's server keeps its data: a fresh data directory, and on PostgreSQL (when
/// <c>PASSBIND_TEST_POSTGRES</c> holds a connection string) a fresh database. A restarted server reuses it.
/// </summary>
internal sealed class EmailTestStore : IAsyncDisposable
{
    private const string PostgresVariable = "PASSBIND_TEST_POSTGRES";
    private readonly string? _adminConnectionString;
    private readonly string _databaseName = "passbind_email_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// PostgreSQL when <paramref name="postgreSql"/> says so (or, when null, whenever <c>PASSBIND_TEST_POSTGRES</c> is
    /// set), else SQLite.
    /// </summary>
    public EmailTestStore(bool? postgreSql = null)
    {
        var variable = Environment.GetEnvironmentVariable(PostgresVariable);
        _adminConnectionString = postgreSql switch
        {
            false => null,
            true => variable ?? throw new InvalidOperationException($"{PostgresVariable} is not set; run tests/run.sh, which sets it."),
            null => variable,
        };
        DataDirectory = Path.Combine(Path.GetTempPath(), "passbind-email-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        if (_adminConnectionString is not null)
        {
            using var connection = new NpgsqlConnection(_adminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", connection);
            command.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _databaseName }.ConnectionString;
        }
    }

    public string DataDirectory { get; }

    /// <summary>The PostgreSQL database, or null for the default SQLite file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp directory is cleaned eventually.
        }
    }
}
