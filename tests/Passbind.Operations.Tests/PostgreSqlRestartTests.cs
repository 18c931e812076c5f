using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

namespace Passbind.Operations.Tests;

/// <summary>
/// PostgreSQL restarted (fast shutdown, then start) under load, on a cluster of the test's own (issue 15): the node
/// reports not ready and answers 503 <c>{code, message}</c> while it is down, neither hanging nor crashing, and
/// recovers by itself; no acknowledged write is lost.
/// </summary>
[Collection(FailureTestGroup.Name)]
public sealed class PostgreSqlRestartTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task DatabaseRestartedUnderLoad_NotReadyAnd503WhileDown_RecoversByItself_NothingAcknowledgedLost()
    {
        var unavailable = ThrowawayPostgreSql.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        await using var postgres = await ThrowawayPostgreSql.StartAsync();
        using var data = new TemporaryDirectory();
        var settings = new NodeSettings(data.Path, ServerNode.FreePort())
            .With("Passbind:Database:Provider", "PostgreSql")
            .With("ConnectionStrings:Passbind", postgres.ConnectionString)
            .With("Passbind:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await using var node = await ServerNode.StartAsync(settings);
        var bootstrap = node.ReadBootstrap();
        using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl), Timeout = Bound };
        http.DefaultRequestHeaders.Authorization = new("Bearer", bootstrap.GetProperty("api_token").GetString());
        var identities = $"/v1/tenants/{bootstrap.GetProperty("tenant_id").GetString()}/realms/{bootstrap.GetProperty("realm_id").GetString()}/identities";
        using var load = new LoadGenerator([node.BaseUrl], settings.BootstrapPath);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(workers: 2, operationsPerWorker: 500, stop.Token);
        try
        {
            await BackupRestoreTests.WaitForAsync(() => load.Of(LoadGenerator.Kind.Credential).Count() >= 2, Bound);

            await postgres.StopServerAsync();

            var notReady = await WaitForStatusAsync(http, "/readyz", HttpStatusCode.ServiceUnavailable);
            Assert.Equal("not_ready", notReady.GetProperty("code").GetString());
            var answered = Stopwatch.StartNew();
            using (var write = await http.PostAsJsonAsync(identities, new { identity = new { display_name = "down", traits = new { type = "traits_v0", username = $"down-{Guid.NewGuid():N}"[..20] } } }))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
                var error = JsonDocument.Parse(await write.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal("database_unavailable", error.GetProperty("code").GetString());
                Assert.Equal("the database cannot be reached; nothing was stored, try again later", error.GetProperty("message").GetString());
            }

            Assert.True(answered.Elapsed < TimeSpan.FromSeconds(20), $"a write took {answered.Elapsed} to be refused");
            Assert.False(node.HasExited, $"the node died with its database:\n{node.Output}");

            await postgres.StartServerAsync();
            var restartedAt = load.Now;
            await WaitForStatusAsync(http, "/readyz", HttpStatusCode.OK);
            await BackupRestoreTests.WaitForAsync(() => load.Acknowledged.Count(x => x.At > restartedAt && x.Kind == LoadGenerator.Kind.Credential) >= 2, Bound);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }

        Assert.DoesNotContain(load.Failures, failure => failure.Contains("status=500", StringComparison.Ordinal));
        Assert.Contains(load.Failures, failure => failure.Contains("status=503", StringComparison.Ordinal));
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await AcknowledgedWrites.AssertAllStoredAsync(connection, load);
    }

    /// <summary>Asks until the answer has <paramref name="expected"/>; answers its JSON body.</summary>
    private static async Task<JsonElement> WaitForStatusAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        var deadline = DateTimeOffset.UtcNow + Bound;
        while (true)
        {
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected)
            {
                return JsonDocument.Parse(body).RootElement.Clone();
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{path} still answered {(int)response.StatusCode} {body} after {Bound}");
            await Task.Delay(200);
        }
    }
}
