using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Passbind.Operations.Tests;

/// <summary>
/// A real SMTP server on 127.0.0.1 that counts what it accepts by Message-ID (to prove exactly-once delivery), and can
/// hold its answer to DATA (<see cref="Hold"/>), so a test can stop the server while a message is on the wire.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private TaskCompletionSource _release = Completed();
    private TaskCompletionSource? _discarded;
    private int _temporaryFailures;

    public MailSink()
    {
        Port = ServerNode.FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new SinkStore(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _ = _server.StartAsync(CancellationToken.None);
    }

    public int Port { get; }

    /// <summary>Every accepted message's Message-ID, with how many times it arrived.</summary>
    public ConcurrentDictionary<string, int> Received { get; } = new();

    /// <summary>Completes when a DATA arrives while held.</summary>
    public TaskCompletionSource DataArrived { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The configuration that sends a node's mail here.</summary>
    public NodeSettings Configure(NodeSettings settings) => settings
        .With("Passbind:Smtp:Host", "127.0.0.1")
        .With("Passbind:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Passbind:Smtp:Security", "None");

    /// <summary>From now on, the answer to DATA waits for <see cref="Release"/>.</summary>
    public void Hold()
    {
        DataArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => _release.TrySetResult();

    /// <summary>
    /// Ends the hold without taking the held messages (as if their sender vanished before the answer): they are
    /// answered 451 and not counted; later messages are taken at once.
    /// </summary>
    public void DiscardHeld()
    {
        _discarded = _release;
        _release = Completed();
        _discarded.TrySetResult();
    }

    /// <summary>How long each DATA takes to be answered (a slow SMTP server). Default none.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When the first and the last accepted message arrived.</summary>
    public (DateTimeOffset First, DateTimeOffset Last) Span { get; private set; }

    /// <summary>Answers the next <paramref name="count"/> DATA commands with 451 (try again later).</summary>
    public void FailNext(int count) => Volatile.Write(ref _temporaryFailures, count);

    public async ValueTask DisposeAsync()
    {
        Release();
        _server.Shutdown();
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task<SmtpResponse> ReceiveAsync(ReadOnlySequence<byte> buffer)
    {
        DataArrived.TrySetResult();
        var gate = _release;
        await gate.Task.WaitAsync(TimeSpan.FromSeconds(90));
        if (ReferenceEquals(gate, _discarded) || Interlocked.Decrement(ref _temporaryFailures) >= 0)
        {
            return new SmtpResponse((SmtpReplyCode)451, "try again later");
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        using var stream = new MemoryStream(buffer.ToArray());
        var message = await MimeMessage.LoadAsync(stream);
        Received.AddOrUpdate(message.MessageId ?? string.Empty, 1, (_, count) => count + 1);
        lock (Received)
        {
            var now = DateTimeOffset.UtcNow;
            Span = (Span.First == default ? now : Span.First, now);
        }

        return SmtpResponse.Ok;
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    private sealed class SinkStore(MailSink owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            owner.ReceiveAsync(buffer);
    }
}
