using Passbind.Server.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Email;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Tests.Email;

/// <summary>
/// One round of the sender at a time, on a real server's database and a real SMTP server, with the clock in
/// the test's hands: the background sender is off, and time moves only with <see cref="FakeTimeProvider.Advance"/>.
/// </summary>
public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task RunOnce_TemporaryFailures_RetriedOnlyAfterBackoffThenSentOnce()
    {
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer().Start();
        smtp.FailNext(2);
        await using var factory = new EmailServerFactory(store, smtp.Port, settings: DefaultBackoff, runSender: false);
        var api = await factory.StartApiAsync();
        var (identityId, jobId) = await api.CreateIdentityWithEmailJobAsync("ivan@example.test");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dispatcher = CreateDispatcher(factory, time);

        Assert.Equal(1, await dispatcher.RunOnceAsync(CancellationToken.None));
        var first = await EmailDeliveryTests.ReadOutboxAsync(factory, jobId);
        Assert.Equal((OutboxStates.Pending, 1, "SMTP 451 MessageNotAccepted"), (first.State, first.Attempts, first.LastError));

        // 5 s initial backoff with jitter in its upper half: not due before 2.5 s, due by 5 s.
        time.Advance(TimeSpan.FromSeconds(2.4));
        Assert.Equal(0, await dispatcher.RunOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(2.6));
        Assert.Equal(1, await dispatcher.RunOnceAsync(CancellationToken.None));
        Assert.Equal(2, (await EmailDeliveryTests.ReadOutboxAsync(factory, jobId)).Attempts);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await dispatcher.RunOnceAsync(CancellationToken.None));

        var sent = await EmailDeliveryTests.ReadOutboxAsync(factory, jobId);
        Assert.Equal((OutboxStates.Sent, 3), (sent.State, sent.Attempts));
        Assert.Equal(3, smtp.Attempts);
        Assert.Equal(sent.MessageId, Assert.Single(smtp.Messages).MessageId);
        Assert.Equal("LINK_SENT", (await api.GetJobAsync(identityId, jobId)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task RunOnce_PermanentRejection_FailedAtOnceAndJobFailedToSend()
    {
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer { RejectPermanently = true }.Start();
        await using var factory = new EmailServerFactory(store, smtp.Port, settings: DefaultBackoff, runSender: false);
        var api = await factory.StartApiAsync();
        var (identityId, jobId) = await api.CreateIdentityWithEmailJobAsync("judy@example.test");
        var dispatcher = CreateDispatcher(factory, new FakeTimeProvider(DateTimeOffset.UtcNow));

        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(OutboxStates.Failed, (await EmailDeliveryTests.ReadOutboxAsync(factory, jobId)).State);
        Assert.Equal("FAILED_TO_SEND", (await api.GetJobAsync(identityId, jobId)).GetProperty("state").GetString());
        Assert.Equal(1, smtp.Attempts);
    }

    [Fact]
    public async Task RunOnce_LinkExpiredBeforeSending_NeverSent()
    {
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer().Start();
        await using var factory = new EmailServerFactory(store, smtp.Port, settings: DefaultBackoff, runSender: false);
        var api = await factory.StartApiAsync();
        var (_, jobId) = await api.CreateIdentityWithEmailJobAsync("ken@example.test");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dispatcher = CreateDispatcher(factory, time);

        // SMTP was down for 25 hours: the emailed link (24 h) expired meanwhile.
        time.Advance(TimeSpan.FromHours(25));
        Assert.Equal(1, await dispatcher.RunOnceAsync(CancellationToken.None));

        Assert.Equal(OutboxStates.Expired, (await EmailDeliveryTests.ReadOutboxAsync(factory, jobId)).State);
        Assert.Equal(0, smtp.Attempts);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunOnce_JobRevokedBeforeSending_NeverSent()
    {
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer().Start();
        await using var factory = new EmailServerFactory(store, smtp.Port, settings: DefaultBackoff, runSender: false);
        var api = await factory.StartApiAsync();
        var (identityId, jobId) = await api.CreateIdentityWithEmailJobAsync("leo@example.test");
        using (var revoke = await api.Client.PostAsync(
            $"/v1/tenants/{api.TenantId}/realms/{api.RealmId}/identities/{identityId}/credential-binding-jobs/{jobId}:revoke",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
        {
            revoke.EnsureSuccessStatusCode();
        }

        await CreateDispatcher(factory, new FakeTimeProvider(DateTimeOffset.UtcNow)).RunOnceAsync(CancellationToken.None);

        Assert.Equal(OutboxStates.Cancelled, (await EmailDeliveryTests.ReadOutboxAsync(factory, jobId)).State);
        Assert.Equal(0, smtp.Attempts);
        Assert.Equal("REVOKED", (await api.GetJobAsync(identityId, jobId)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task RunOnce_TwoSendersOnOneDatabase_EachMessageSentOnce()
    {
        const int count = 24;
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer().Start();
        var settings = new Dictionary<string, string>(DefaultBackoff) { ["Passbind:Email:BatchSize"] = "3" };
        await using var factory = new EmailServerFactory(store, smtp.Port, settings: settings, runSender: false);
        var api = await factory.StartApiAsync();
        for (var i = 0; i < count; i++)
        {
            await api.CreateIdentityWithEmailJobAsync($"user{i}@example.test");
        }

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var senders = new[] { CreateDispatcher(factory, time), CreateDispatcher(factory, time) };

        await Task.WhenAll(senders.Select(sender => Task.Run(async () =>
        {
            while (await sender.RunOnceAsync(CancellationToken.None) > 0)
            {
            }
        })));

        Assert.Equal(count, smtp.Messages.Count);
        Assert.Equal(count, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        Assert.Equal(count, await db.OutboxMessages.CountAsync(m => m.State == OutboxStates.Sent && m.Attempts == 1));
    }

    [Fact]
    public async Task RunOnce_MessageQueuedWithRenderedBodiesBeforeUpgrade_SentAsStoredThenItsSecretRemoved()
    {
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer().Start();
        await using var factory = new EmailServerFactory(store, smtp.Port, settings: DefaultBackoff, runSender: false);
        var api = await factory.StartApiAsync();
        var now = DateTimeOffset.UtcNow;
        var id = await AddRenderedMessageAsync(factory, api, "olga@example.test", "482913", now);

        Assert.Equal(1, await CreateDispatcher(factory, new FakeTimeProvider(now)).RunOnceAsync(CancellationToken.None));

        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("olga@example.test", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("Login instructions", mail.Subject);
        Assert.Equal($"{id}@localhost", mail.MessageId);
        Assert.Equal("Login instructions\n\nUse this code:\n\n482913\n", mail.TextBody!.ReplaceLineEndings("\n"));
        Assert.Equal("<p>Use this code: <b>482913</b></p>", mail.HtmlBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
        var row = await ReadMessageAsync(factory, id);
        Assert.Equal((OutboxStates.Sent, 1, OutboxKinds.TransportSmtp), (row.State, row.Attempts, row.Transport));
        Assert.Null(row.Fields);
        Assert.False(SealedLinks.IsSealed(row.TextBody!) || SealedLinks.IsSealed(row.HtmlBody!), "a sent message keeps no sealed code");
        Assert.Contains(SealedLinks.Removed, row.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_DevMailbox_MessagesOfBothFormsSentInOneRoundAndShown()
    {
        await using var store = new EmailTestStore();
        await using var factory = new EmailServerFactory(store, smtpPort: null, settings: DefaultBackoff, runSender: false);
        var api = await factory.StartApiAsync();
        var now = DateTimeOffset.UtcNow;
        var rendered = await AddRenderedMessageAsync(factory, api, "piet@example.test", "193847", now);
        var (_, jobId) = await api.CreateIdentityWithEmailJobAsync("quinn@example.test");

        Assert.Equal(2, await CreateDispatcher(factory, new FakeTimeProvider(now.AddSeconds(1))).RunOnceAsync(CancellationToken.None));

        foreach (var row in new[] { await ReadMessageAsync(factory, rendered), await EmailDeliveryTests.ReadOutboxAsync(factory, jobId) })
        {
            Assert.Equal((OutboxStates.Sent, 1, OutboxKinds.TransportDevMailbox), (row.State, row.Attempts, row.Transport));
            Assert.Null(row.LeaseOwner);
        }

        using var anonymous = factory.CreateClient();
        var page = System.Net.WebUtility.HtmlDecode(await anonymous.GetStringAsync(DevMailboxEndpoints.Path));
        Assert.Contains("Use this code: <b>193847</b>", page, StringComparison.Ordinal);
        Assert.Contains("Set up your passkey for Default Realm", page, StringComparison.Ordinal);
        Assert.Contains($"/credential-binding-jobs/{jobId}:invokeAuthenticator?token=", page, StringComparison.Ordinal);
        Assert.Equal(0, await CreateDispatcher(factory, new FakeTimeProvider(now.AddSeconds(2))).RunOnceAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(1, 2.5, 5)]
    [InlineData(2, 5, 10)]
    [InlineData(4, 20, 40)]
    [InlineData(20, 300, 600)]
    public async Task Backoff_Attempts_WithinJitteredExponentialBounds(int attempts, double minSeconds, double maxSeconds)
    {
        await using var store = new EmailTestStore();
        await using var factory = new EmailServerFactory(store, smtpPort: null, settings: DefaultBackoff, runSender: false);
        var dispatcher = CreateDispatcher(factory, new FakeTimeProvider());

        for (var i = 0; i < 50; i++)
        {
            var delay = dispatcher.Backoff(attempts);
            Assert.InRange(delay.TotalSeconds, minSeconds, maxSeconds);
        }
    }

    /// <summary>The defaults (5 s initial, 10 min max), with the real sender off.</summary>
    private static readonly Dictionary<string, string> DefaultBackoff = new()
    {
        ["Passbind:Email:InitialBackoff"] = "00:00:05",
        ["Passbind:Email:MaxBackoff"] = "00:10:00",
    };

    /// <summary>
    /// Adds a one-time code message as the version before stored fields queued it: rendered bodies, the code sealed in
    /// them, no fields. Answers its id (its Message-ID is the id at localhost).
    /// </summary>
    private static async Task<string> AddRenderedMessageAsync(EmailServerFactory factory, EmailApi api, string recipient, string code, DateTimeOffset now)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var sealedCode = scope.ServiceProvider.GetRequiredService<SealedLinks>().Seal(code);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = id,
            TenantId = api.TenantId,
            RealmId = api.RealmId,
            Kind = OutboxKinds.SignInCode,
            Recipient = recipient,
            Subject = "Login instructions",
            TextBody = $"Login instructions\n\nUse this code:\n\n{sealedCode}\n",
            HtmlBody = $"<p>Use this code: <b>{sealedCode}</b></p>",
            MessageId = $"{id}@localhost",
            State = OutboxStates.Pending,
            NextAttemptTime = now,
            LinkExpireTime = now.AddMinutes(5),
            CreateTime = now,
        });
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task<OutboxMessage> ReadMessageAsync(EmailServerFactory factory, string id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PassbindDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static OutboxDispatcher CreateDispatcher(EmailServerFactory factory, TimeProvider time) => new(
        factory.Services.GetRequiredService<IServiceScopeFactory>(),
        factory.Services.GetRequiredService<SmtpMailTransport>(),
        factory.Services.GetRequiredService<OutboxContent>(),
        factory.Services.GetRequiredService<IBindingEmailDelivery>(),
        factory.Services.GetRequiredService<IOptions<EmailOptions>>(),
        time,
        factory.Services.GetRequiredService<PassbindMetrics>(),
        NullLogger<OutboxDispatcher>.Instance);
}
