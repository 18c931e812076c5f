using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Passbind.Client;
using Passbind.Storage;
using Passbind.Storage.PostgreSql;
using Passbind.Storage.Sqlite;

namespace Passbind.Operations.Tests;

/// <summary>
/// Upgrades (issue 15): a database at the oldest schema (the Initial migration) with identities and passkeys in it is
/// brought to the current schema by a starting server, which then serves them; on PostgreSQL two nodes start on it at
/// once and the migrations are applied once.
/// </summary>
[Collection(FailureTestGroup.Name)]
public sealed class UpgradeTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Start_DatabaseAtInitialSchemaWithData_UpgradedOnceAndServed(TestDatabase database)
    {
        await using var storage = await TestStorage.CreateAsync(database);
        using var secondDirectory = new TemporaryDirectory();
        var settings = TwoNodeFailureTests.Shared(storage);
        using var load = new LoadGenerator([settings.BaseUrl], settings.BootstrapPath);
        await using (var writer = await ServerNode.StartAsync(settings))
        {
            await load.RunAsync(workers: 2, operationsPerWorker: 6, CancellationToken.None);
            Assert.Empty(load.Failures);
            writer.Terminate();
            await writer.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        // Back to the oldest schema: every later migration's Down, the data of the Initial tables kept.
        string[] migrations;
        await using (var db = Context(storage))
        {
            migrations = db.Database.GetMigrations().ToArray();
            Assert.True(migrations.Length >= 2, "only the Initial migration exists: nothing to upgrade yet");
            await db.GetService<IMigrator>().MigrateAsync(migrations[0]);
            Assert.Equal([migrations[0]], await db.Database.GetAppliedMigrationsAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // Every node of the deployment starts on it at once (SQLite has one).
        var nodes = database == TestDatabase.PostgreSql
            ? await Task.WhenAll(ServerNode.StartAsync(settings), ServerNode.StartAsync(settings with { DataDirectory = secondDirectory.Path, Port = ServerNode.FreePort(), ExpectBootstrapFile = false }))
            : [await ServerNode.StartAsync(settings)];
        try
        {
            await using (var connection = await StorageSql.OpenAsync(storage))
            {
                Assert.Equal(migrations.Order(StringComparer.Ordinal), (await StorageSql.ListAsync(connection, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"")).Order(StringComparer.Ordinal));
                await AcknowledgedWrites.AssertAllStoredAsync(connection, load);
            }

            foreach (var node in nodes)
            {
                var options = PassbindClientOptions.FromBootstrapFile(settings.BootstrapPath);
                options.ApiBaseUrl = options.AuthBaseUrl = new Uri(node.BaseUrl);
                var client = new PassbindClient(options);
                foreach (var bound in load.Of(LoadGenerator.Kind.Credential))
                {
                    Assert.Equal("ACTIVE", (await client.Credentials.GetAsync(bound.IdentityId, bound.CredentialId!)).State);
                }

                using var http = new HttpClient();
                Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{node.BaseUrl}/readyz")).StatusCode);
                Assert.NotNull(await Load.CreateIdentityAsync(client));
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static PassbindDbContext Context(TestStorage storage)
    {
        var options = new DbContextOptionsBuilder<PassbindDbContext>();
        if (storage.Database == TestDatabase.PostgreSql)
        {
            options.UsePassbindPostgreSql(storage.ConnectionString!);
        }
        else
        {
            options.UsePassbindSqlite(SqliteStorage.ConnectionStringFor(storage.DataDirectory));
        }

        return new PassbindDbContext(options.Options);
    }
}
