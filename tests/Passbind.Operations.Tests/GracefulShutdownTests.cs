using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Passbind.Client;

namespace Passbind.Operations.Tests;

/// <summary>
/// SIGTERM, as systemd and container runtimes stop a service: no new connections, the request in flight and the
/// outbox message on the wire both finish, then the process exits 0 (issue 15, "Graceful shutdown").
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_RequestInFlightAndMailOnTheWire_BothFinishNewConnectionsRefusedExitsZero()
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.Sqlite);
        await using var mail = new MailSink();
        await using var node = await ServerNode.StartAsync(mail.Configure(ReadinessTests.Settings(storage)));
        var client = new PassbindClient(PassbindClientOptions.FromBootstrapFile(node.Settings.BootstrapPath));
        var mailed = await Load.CreateIdentityAsync(client);

        // A message on the wire: the SMTP server has its DATA and holds its answer.
        mail.Hold();
        var job = await client.CredentialBindingJobs.SendEmailAsync(mailed.Id, "https://app.example.com/bound");
        await mail.DataArrived.Task.WaitAsync(Bound);

        // A request in flight: its headers are in, half of its body is still to come.
        var bootstrap = node.ReadBootstrap();
        var username = $"inflight-{Guid.NewGuid():N}"[..24];
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { identity = new { display_name = username, traits = new { type = "traits_v0", username } } }));
        using var inFlight = new TcpClient();
        await inFlight.ConnectAsync("127.0.0.1", node.Settings.Port);
        var stream = inFlight.GetStream();
        var head = $"POST /v1/tenants/{bootstrap.GetProperty("tenant_id").GetString()}/realms/{bootstrap.GetProperty("realm_id").GetString()}/identities HTTP/1.1\r\n"
            + $"Host: 127.0.0.1:{node.Settings.Port}\r\nAuthorization: Bearer {bootstrap.GetProperty("api_token").GetString()}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
        await stream.FlushAsync();
        await Task.Delay(500);

        node.Terminate();

        await AssertRefusesConnectionsAsync(node.Settings.Port);
        Assert.False(node.HasExited, "the server exited with a request and a message unfinished");
        await stream.WriteAsync(body.AsMemory(body.Length / 2));
        var response = await ReadResponseHeadAsync(stream);
        Assert.StartsWith("HTTP/1.1 200", response, StringComparison.Ordinal);
        mail.Release();

        await node.WaitForExitAsync(Bound);
        Assert.Equal(0, node.ExitCode);
        Assert.Equal(1, Assert.Single(mail.Received).Value);
        await using var connection = await StorageSql.OpenAsync(storage);
        Assert.Equal(1, await StorageSql.CountAsync(connection, $"SELECT COUNT(*) FROM identities WHERE Username = '{username}'"));
        Assert.Equal(["sent"], await StorageSql.ListAsync(connection, $"SELECT State FROM outbox_messages WHERE JobId = '{job.Id}'"));
    }

    private static async Task AssertRefusesConnectionsAsync(int port)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync("127.0.0.1", port);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
            {
                // The listener closed with this connection still in its backlog: refused as well, by a reset. Probe
                // again: from now on a new connection must be refused outright.
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "the server still accepted connections 10 seconds after SIGTERM");
            await Task.Delay(100);
        }
    }

    private static async Task<string> ReadResponseHeadAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, $"the connection closed before a response: {received}");
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}
