using System.Net;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Hosting;

/// <summary>
/// A first start on PostgreSQL whose database does not exist yet makes it, as a first start on SQLite makes its file:
/// the operator names the database in the connection string and need not create it first.
/// </summary>
public sealed class PostgreSqlFirstStartTests
{
    [Fact]
    public async Task Start_DatabaseDoesNotExistYet_MakesItMigratesAndServes()
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.PostgreSql);
        var named = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{named.Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        await using var server = new PassbindServerFactory(storage, new FakeTimeProvider(DateTimeOffset.UtcNow));
        server.EnsureStarted();

        using var ready = await server.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
