using System.Security.Cryptography;

namespace Passbind.Operations.Tests;

/// <summary>
/// Two nodes on one PostgreSQL database under a bounded load (issue 15, "Failure, proven under load"): one is killed
/// with SIGKILL mid-load while it has a message on the wire; nothing acknowledged is lost, the other serves on, the
/// killed one restarts and rejoins, and every email is sent exactly once. And a batch slower than its lease.
/// </summary>
[Collection(FailureTestGroup.Name)]
public sealed class TwoNodeFailureTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task NodeKilledMidLoad_NothingAcknowledgedLost_OtherServesOn_RestartedRejoins_EachMailSentOnce()
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.PostgreSql);
        using var secondDirectory = new TemporaryDirectory();
        await using var mailA = new MailSink();
        await using var mailB = new MailSink();
        var shared = Shared(storage).With("Passbind:Email:LeaseDuration", "00:00:04");
        var settingsA = mailA.Configure(shared);
        var settingsB = mailB.Configure(shared) with { DataDirectory = secondDirectory.Path, Port = ServerNode.FreePort(), ExpectBootstrapFile = false };
        await using var a = await ServerNode.StartAsync(settingsA);
        var b = await ServerNode.StartAsync(settingsB);
        using var load = new LoadGenerator([a.BaseUrl, b.BaseUrl], settingsA.BootstrapPath);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var running = load.RunAsync(workers: 4, operationsPerWorker: 1000, stop.Token);
        try
        {
            await BackupRestoreTests.WaitForAsync(() => load.Of(LoadGenerator.Kind.Credential).Count() >= 2, Bound);

            // B has a message on the wire (its SMTP server holds the answer) when it dies.
            mailB.Hold();
            await mailB.DataArrived.Task.WaitAsync(Bound);
            await b.KillAsync();
            var killedAt = load.Now;
            mailB.DiscardHeld();

            await BackupRestoreTests.WaitForAsync(() => load.Acknowledged.Any(x => x.At > killedAt && x.Node == a.BaseUrl && x.Kind == LoadGenerator.Kind.Credential), Bound);
            await b.DisposeAsync();
            b = await ServerNode.StartAsync(settingsB);
            var restartedAt = load.Now;
            await BackupRestoreTests.WaitForAsync(() => load.Acknowledged.Any(x => x.At > restartedAt && x.Node == b.BaseUrl && x.Kind == LoadGenerator.Kind.Credential), Bound);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
            await b.DisposeAsync();
        }

        Assert.True(load.Acknowledged.Count(x => x.Kind == LoadGenerator.Kind.EmailJob) >= 3, "too few emails were queued to prove anything");
        await using (var connection = await StorageSql.OpenAsync(storage))
        {
            await AcknowledgedWrites.AssertAllStoredAsync(connection, load);
        }

        var messages = await AcknowledgedWrites.WaitForOutboxDrainedAsync(() => StorageSql.OpenAsync(storage), Bound);
        AssertEachSentOnce(messages, mailA, mailB);
    }

    [Fact]
    public async Task Outbox_BatchOutlastingItsLease_RenewsIt_NoOtherNodeSendsItsMessages()
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.PostgreSql);
        using var secondDirectory = new TemporaryDirectory();
        await using var mail = new MailSink { Delay = TimeSpan.FromMilliseconds(1500) };
        var lease = TimeSpan.FromSeconds(2);
        var settingsA = mail.Configure(Shared(storage)).With("Passbind:Email:LeaseDuration", "00:00:02").With("Passbind:Email:PollInterval", "00:00:00.200");
        var settingsB = settingsA with { DataDirectory = secondDirectory.Path, Port = ServerNode.FreePort(), ExpectBootstrapFile = false };
        await using var a = await ServerNode.StartAsync(settingsA);
        await using var b = await ServerNode.StartAsync(settingsB);
        var client = new Passbind.Client.PassbindClient(Passbind.Client.PassbindClientOptions.FromBootstrapFile(settingsA.BootstrapPath));

        // While the SMTP server holds the first message, the rest pile up; one round then claims them together,
        // and sending them takes several leases' time.
        mail.Hold();
        for (var i = 0; i < 8; i++)
        {
            var identity = await Load.CreateIdentityAsync(client);
            await client.CredentialBindingJobs.SendEmailAsync(identity.Id, Load.RedirectUri);
        }

        await mail.DataArrived.Task.WaitAsync(Bound);
        await Task.Delay(lease);
        mail.Release();

        var messages = await AcknowledgedWrites.WaitForOutboxDrainedAsync(() => StorageSql.OpenAsync(storage), Bound);
        Assert.Equal(8, messages.Count);
        Assert.True(mail.Span.Last - mail.Span.First > 2 * lease, $"sending took {mail.Span.Last - mail.Span.First}: no batch outlasted its lease");
        AssertEachSentOnce(messages, mail);
    }

    /// <summary>Every node's settings: one PostgreSQL database and one master key.</summary>
    internal static NodeSettings Shared(TestStorage storage) =>
        ReadinessTests.Settings(storage).With("Passbind:MasterKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    private static void AssertEachSentOnce(List<string> messageIds, params MailSink[] sinks)
    {
        foreach (var id in messageIds)
        {
            var received = sinks.Sum(sink => sink.Received.GetValueOrDefault(id));
            Assert.True(received == 1, $"message {id} was received {received} times");
        }

        Assert.Equal(messageIds.Count, sinks.Sum(sink => sink.Received.Count));
    }
}
