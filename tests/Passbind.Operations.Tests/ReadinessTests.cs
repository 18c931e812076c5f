using System.Net;
using System.Text.Json;

namespace Passbind.Operations.Tests;

/// <summary>
/// <c>/readyz</c> apart from <c>/healthz</c> (product.md fixed point 8), and a database a newer Passbind migrated:
/// not ready while running, and refused at the next start with one line.
/// </summary>
public sealed class ReadinessTests
{
    private const string FutureMigration = "29990101000000_FromANewerPassbind";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Readyz_DatabaseMigratedByNewerBinary_503WhileRunning_StartRefusedWithOneLine(TestDatabase database)
    {
        await using var storage = await TestStorage.CreateAsync(database);
        var settings = Settings(storage);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await using (var node = await ServerNode.StartAsync(settings))
        {
            using var ready = await http.GetAsync($"{node.BaseUrl}/readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Equal("ready", JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

            await using (var connection = await StorageSql.OpenAsync(storage))
            {
                await StorageSql.ExecuteAsync(connection, $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{FutureMigration}', '99.0.0')");
            }

            using var notReady = await http.GetAsync($"{node.BaseUrl}/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            var error = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("not_ready", error.GetProperty("code").GetString());
            Assert.Equal("the database has 1 migration(s) this server does not know: a newer Passbind upgraded it", error.GetProperty("message").GetString());
            using var live = await http.GetAsync($"{node.BaseUrl}/healthz");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await using var restarted = await ServerNode.StartExpectingExitAsync(settings);

        Assert.Equal(78, restarted.ExitCode);
        var line = Assert.Single(ConfigurationCheckTests.Lines(restarted.StandardError));
        var key = database == TestDatabase.Sqlite ? "Passbind:DataDirectory" : "ConnectionStrings:Passbind";
        Assert.StartsWith($"passbind: {key}: the database has 1 migration(s) this Passbind does not know ({FutureMigration})", line, StringComparison.Ordinal);
        ConfigurationCheckTests.AssertNoStackTrace(restarted);
    }

    internal static NodeSettings Settings(TestStorage storage)
    {
        var settings = new NodeSettings(storage.DataDirectory, ServerNode.FreePort());
        return storage.Database == TestDatabase.PostgreSql
            ? settings.With("Passbind:Database:Provider", "PostgreSql").With("ConnectionStrings:Passbind", storage.ConnectionString!)
            : settings;
    }
}
