using System.Net;
using System.Text.Json;
using Passbind.Client;
using Passbind.Sdk;

namespace Passbind.Operations.Tests;

/// <summary>
/// <c>/metrics</c> (product.md fixed point 11) scraped from a real server after binds, a refused bind, tokens and
/// emails, with the figures an operator reads; off by default; JSON logs with a request id and no secret.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly Load _load = new();

    [Fact]
    public async Task Metrics_AfterBindsTokensAndEmails_SeriesCarryTheirCounts()
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.Sqlite);
        await using var mail = new MailSink();
        var settings = mail.Configure(ReadinessTests.Settings(storage))
            .With("Passbind:Telemetry:Prometheus", "true")
            .With("Passbind:Telemetry:OutboxSampleInterval", "00:00:01")
            .With("Passbind:Email:InitialBackoff", "00:00:01");
        await using var node = await ServerNode.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl), Timeout = Bound };
        var client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(settings.BootstrapPath));
        var device = await _load.DeviceAsync();

        // An email held on the wire is pending; then the SMTP server refuses it once (451), and takes the retry.
        mail.Hold();
        mail.FailNext(1);
        var mailed = await Load.CreateIdentityAsync(client);
        await client.CredentialBindingJobs.SendEmailAsync(mailed.Id, Load.RedirectUri);
        await mail.DataArrived.Task.WaitAsync(Bound);
        var held = await ScrapeUntilAsync(http, m => m.Sum("passbind_outbox_depth") == 1, node);
        Assert.True(held.Sum("passbind_outbox_oldest_pending_age_seconds") > 0, held.Text);
        mail.Release();
        await ScrapeUntilAsync(http, m => m.Sum("passbind_outbox_sent_total", ("kind", "binding_link")) == 1, node);

        // Two binds (each mails a "passkey added" notice), and a third refused: its link is consumed.
        var (_, link, _) = await Load.BindAsync(client, device);
        await Load.BindAsync(client, device);
        var refused = await Assert.ThrowsAsync<PassbindException>(() => device.BindPasskeyAsync(link));
        Assert.Equal(PassbindErrorCodes.LinkConsumed, refused.Code);

        var metrics = await ScrapeUntilAsync(http, m => m.Sum("passbind_outbox_sent_total", ("kind", "passkey_added")) == 2 && m.Sum("passbind_outbox_depth") == 0, node);

        Assert.Equal(2, metrics.Sum("passbind_binds_total", ("outcome", "success")));
        Assert.Equal(1, metrics.Sum("passbind_binds_total", ("outcome", "link_consumed")));
        Assert.Equal(2, metrics.Sum("passbind_ceremony_duration_seconds_count", ("ceremony", "bind"), ("step", "complete"), ("outcome", "success")));
        Assert.Equal(2, metrics.Sum("passbind_ceremony_duration_seconds_count", ("ceremony", "bind"), ("step", "options"), ("outcome", "success")));
        Assert.True(metrics.Sum("passbind_ceremony_duration_seconds_bucket", ("ceremony", "bind"), ("step", "complete"), ("outcome", "success"), ("le", "+Inf")) == 2, metrics.Text);
        Assert.Equal(1, metrics.Sum("passbind_tokens_issued_total", ("grant_type", "client_credentials")));
        Assert.Equal(2, metrics.Sum("passbind_outbox_sent_total", ("kind", "passkey_added")));
        Assert.Equal(1, metrics.Sum("passbind_outbox_send_failures_total", ("failure", "temporary")));
        Assert.Equal(0, metrics.Sum("passbind_outbox_send_failures_total", ("failure", "permanent")));
        Assert.Equal(0, metrics.Sum("passbind_outbox_oldest_pending_age_seconds"));
        Assert.True(metrics.Sum("passbind_db_operation_duration_seconds_count", ("db_system", "sqlite"), ("outcome", "success")) > 10, metrics.Text);
        Assert.True(metrics.Sum("http_server_request_duration_seconds_count", ("http_route", "/v1/tenants/{tenant_id}/realms/{realm_id}/identities/"), ("http_request_method", "POST")) >= 3, metrics.Text);
        Assert.Equal(3, mail.Received.Count);
    }

    [Fact]
    public async Task MetricsAndLogs_Defaults_MetricsIs404_JsonLogsCarryRequestIdAndNoSecret()
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.Sqlite);
        var settings = ReadinessTests.Settings(storage).With("Logging:Console:FormatterName", "json").With("Logging:LogLevel:Microsoft.AspNetCore.Hosting", "Information");
        await using var node = await ServerNode.StartAsync(settings);
        using var http = new HttpClient { BaseAddress = new Uri(node.BaseUrl), Timeout = Bound };
        var client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(settings.BootstrapPath));
        var identity = await Load.CreateIdentityAsync(client);

        using var metrics = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.Equal("not_found", JsonDocument.Parse(await metrics.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        var bootstrap = node.ReadBootstrap();
        await WaitForOutputAsync(node, identity.Id);
        var lines = ConfigurationCheckTests.Lines(node.Output).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var created = Assert.Single(lines, line => line.GetProperty("Message").GetString()!.Contains(identity.Id, StringComparison.Ordinal));
        var requestId = created.GetProperty("Scopes").EnumerateArray().Single(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("RequestId", out _));
        Assert.False(string.IsNullOrEmpty(requestId.GetProperty("RequestId").GetString()));
        foreach (var secret in new[] { "api_token", "client_secret" })
        {
            Assert.DoesNotContain(bootstrap.GetProperty(secret).GetString()!, node.Output, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _load.Dispose();

    private static async Task<PrometheusText> ScrapeUntilAsync(HttpClient http, Func<PrometheusText, bool> done, ServerNode node)
    {
        var deadline = DateTimeOffset.UtcNow + Bound;
        while (true)
        {
            using var response = await http.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var metrics = new PrometheusText(await response.Content.ReadAsStringAsync());
            if (done(metrics))
            {
                return metrics;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the metrics did not reach the expected values within {Bound}:\n{metrics.Text}\n{node.Output}");
            await Task.Delay(250);
        }
    }

    private static async Task WaitForOutputAsync(ServerNode node, string text)
    {
        var deadline = DateTimeOffset.UtcNow + Bound;
        while (!node.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the server did not log {text}:\n{node.Output}");
            await Task.Delay(100);
        }
    }
}
