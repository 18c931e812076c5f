using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Passbind.Server.Tests.Email;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps what it accepts. It can answer a temporary failure (451) for
/// the next N messages, or a permanent one (550) for every message, and can be started late (SMTP down).
/// </summary>
internal sealed class SmtpCaptureServer : IAsyncDisposable
{
    private SmtpServer.SmtpServer? _server;
    private int _temporaryFailures;

    public SmtpCaptureServer() => Port = FreePort();

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Every DATA the server saw, accepted or refused.</summary>
    public int Attempts => _attempts;

    private int _attempts;

    public bool RejectPermanently { get; set; }

    public void FailNext(int count) => Volatile.Write(ref _temporaryFailures, count);

    public SmtpCaptureServer Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CaptureStore(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _ = _server.StartAsync(CancellationToken.None);
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            _server.Shutdown();
            await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    private SmtpResponse Receive(ReadOnlySequence<byte> buffer)
    {
        Interlocked.Increment(ref _attempts);
        if (RejectPermanently)
        {
            return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "mailbox unavailable");
        }

        if (Interlocked.Decrement(ref _temporaryFailures) >= 0)
        {
            return new SmtpResponse((SmtpReplyCode)451, "try again later");
        }

        using var stream = new MemoryStream(buffer.ToArray());
        Messages.Enqueue(MimeMessage.Load(stream));
        return SmtpResponse.Ok;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CaptureStore(SmtpCaptureServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            Task.FromResult(owner.Receive(buffer));
    }
}
