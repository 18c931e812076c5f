using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Passbind.Server.Features.Email;
using Passbind.Server.Features.Themes;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Tests.Email;

/// <summary>The outbox end to end: EMAIL jobs created through the API, delivered by the background sender to a real SMTP server.</summary>
public sealed class EmailDeliveryTests
{
    [Fact]
    public async Task CreateEmailJob_SmtpUp_DeliversLinkInBothParts()
    {
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer().Start();
        await using var factory = new EmailServerFactory(store, smtp.Port);
        var api = await factory.StartApiAsync();
        var identityId = await api.CreateIdentityAsync("alice@example.test");

        var (status, body) = await api.CreateEmailJobAsync(identityId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("credential_binding_link", out _));
        var job = body.GetProperty("credential_binding_job");
        Assert.Equal("EMAIL", job.GetProperty("delivery_method").GetString());
        Assert.Equal("LINK_SENT", job.GetProperty("state").GetString());
        var jobId = job.GetProperty("id").GetString()!;

        await Eventually.TrueAsync(async () => (await ReadOutboxAsync(factory, jobId)).State == OutboxStates.Sent, "the message to be sent");
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("alice@example.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
        Assert.Equal("passbind@localhost", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Set up your passkey for Default Realm", message.Subject);
        Assert.EndsWith("@localhost", message.MessageId, StringComparison.Ordinal);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);

        var linkPattern = new Regex(
            Regex.Escape($"{EmailServerFactory.PublicBaseUrl}/v1/tenants/{api.TenantId}/realms/{api.RealmId}/identities/{identityId}/credential-binding-jobs/{jobId}:invokeAuthenticator?token=")
            + "[A-Za-z0-9_-]{64}");
        var textLink = linkPattern.Match(message.TextBody).Value;
        Assert.NotEmpty(textLink);
        Assert.Contains(textLink, WebUtility.HtmlDecode(message.HtmlBody), StringComparison.Ordinal);
        Assert.Contains("Didn't ask for this?", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("UTC", message.TextBody, StringComparison.Ordinal);

        var row = await ReadOutboxAsync(factory, jobId);
        Assert.Equal(OutboxStates.Sent, row.State);
        Assert.Equal(OutboxKinds.TransportSmtp, row.Transport);
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task CreateEmailJob_IdentityWithoutEmail_Returns422AndQueuesNothing()
    {
        await using var store = new EmailTestStore();
        await using var factory = new EmailServerFactory(store, smtpPort: null);
        var api = await factory.StartApiAsync();
        var identityId = await api.CreateIdentityAsync(email: null);

        var (status, body) = await api.CreateEmailJobAsync(identityId);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Identity missing email address", body.GetProperty("message").GetString());
        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PassbindDbContext>().OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task CreateEmailJob_SmtpDown_Answers200ThenDeliversOnceWhenUp()
    {
        await using var store = new EmailTestStore();
        var smtp = new SmtpCaptureServer();
        await using var factory = new EmailServerFactory(store, smtp.Port, settings: new Dictionary<string, string> { ["Passbind:Email:MaxAttempts"] = "100" });
        var api = await factory.StartApiAsync();

        var (_, jobId) = await api.CreateIdentityWithEmailJobAsync("bob@example.test");
        await Eventually.TrueAsync(async () => (await ReadOutboxAsync(factory, jobId)).Attempts >= 2, "two failed attempts");
        var waiting = await ReadOutboxAsync(factory, jobId);
        Assert.Equal(OutboxStates.Pending, waiting.State);
        Assert.StartsWith("connection failed", waiting.LastError, StringComparison.Ordinal);

        await using (smtp.Start())
        {
            await Eventually.TrueAsync(async () => (await ReadOutboxAsync(factory, jobId)).State == OutboxStates.Sent, "the message to be sent");

            // Several more rounds of the sender pass; none may send it again.
            await Task.Delay(400);
            var message = Assert.Single(smtp.Messages);
            Assert.Equal(waiting.MessageId, message.MessageId);
        }
    }

    [Fact]
    public async Task CreateEmailJob_RetryLimitReached_JobFailedToSendAndIdentityInviteFailed()
    {
        await using var store = new EmailTestStore();
        var neverStarted = new SmtpCaptureServer();
        await using var factory = new EmailServerFactory(store, neverStarted.Port, settings: new Dictionary<string, string> { ["Passbind:Email:MaxAttempts"] = "3" });
        var api = await factory.StartApiAsync();

        var (identityId, jobId) = await api.CreateIdentityWithEmailJobAsync("carol@example.test");

        await Eventually.TrueAsync(async () => (await api.GetJobAsync(identityId, jobId)).GetProperty("state").GetString() == "FAILED_TO_SEND", "FAILED_TO_SEND");
        Assert.Equal("INVITE_FAILED", (await api.GetIdentityAsync(identityId)).GetProperty("enrollment_status").GetString());
        var row = await ReadOutboxAsync(factory, jobId);
        Assert.Equal(OutboxStates.Failed, row.State);
        Assert.Equal(3, row.Attempts);
    }

    [Fact]
    public async Task CreateEmailJob_PermanentRejection_FailsAfterOneAttempt()
    {
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer { RejectPermanently = true }.Start();
        await using var factory = new EmailServerFactory(store, smtp.Port);
        var api = await factory.StartApiAsync();

        var (identityId, jobId) = await api.CreateIdentityWithEmailJobAsync("dave@example.test");

        await Eventually.TrueAsync(async () => (await api.GetJobAsync(identityId, jobId)).GetProperty("state").GetString() == "FAILED_TO_SEND", "FAILED_TO_SEND");
        var row = await ReadOutboxAsync(factory, jobId);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("SMTP 550 MessageNotAccepted", row.LastError);
        Assert.Equal(1, smtp.Attempts);
    }

    [Fact]
    public async Task Restart_MessagePendingWhenStopped_DeliveredAfterRestart()
    {
        await using var store = new EmailTestStore();
        var smtp = new SmtpCaptureServer();
        string jobId;
        await using (var first = new EmailServerFactory(store, smtp.Port, settings: new Dictionary<string, string> { ["Passbind:Email:MaxAttempts"] = "100" }))
        {
            var api = await first.StartApiAsync();
            (_, jobId) = await api.CreateIdentityWithEmailJobAsync("erin@example.test");
            await Eventually.TrueAsync(async () => (await ReadOutboxAsync(first, jobId)).Attempts >= 1, "a failed attempt");
        }

        await using (smtp.Start())
        {
            await using var second = new EmailServerFactory(store, smtp.Port);
            await second.StartApiAsync();

            await Eventually.TrueAsync(async () => (await ReadOutboxAsync(second, jobId)).State == OutboxStates.Sent, "the message to be sent after restart");
            var message = Assert.Single(smtp.Messages);
            Assert.Equal("erin@example.test", Assert.Single(message.To.Mailboxes).Address);
        }
    }

    [Fact]
    public async Task CreateEmailJob_HostileRealmName_NoExtraHeaderOrRecipientAndHtmlEncoded()
    {
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer().Start();
        await using var factory = new EmailServerFactory(store, smtp.Port);
        var api = await factory.StartApiAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            var theme = await db.Themes.SingleAsync(t => t.RealmId == api.RealmId);
            theme.EmailRealmName = "Pets\r\nBcc: eve@evil.test <img src=x>\u202Egnp";
            theme.ButtonColor = "red;url(x)";
            theme.LogoUrlLight = "javascript:alert(1)";
            await db.SaveChangesAsync();
        }

        await api.CreateIdentityWithEmailJobAsync("frank@example.test");

        await Eventually.TrueAsync(() => !smtp.Messages.IsEmpty, "the message");
        var message = Assert.Single(smtp.Messages);
        Assert.Single(message.To.Mailboxes);
        Assert.Empty(message.Bcc);
        Assert.Empty(message.Cc);
        Assert.Null(message.Headers[HeaderId.Bcc]);
        Assert.DoesNotContain("\u202E", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("url(x)", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(EmailBranding.DefaultButtonColor, message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnqueuePasskeyAdded_IdentityWithEmail_DeliversNotice()
    {
        await using var store = new EmailTestStore();
        await using var smtp = new SmtpCaptureServer().Start();
        await using var factory = new EmailServerFactory(store, smtp.Port);
        var api = await factory.StartApiAsync();
        var identityId = await api.CreateIdentityAsync("grace@example.test");
        var added = new DateTimeOffset(2026, 11, 29, 10, 30, 0, TimeSpan.Zero);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            var identity = await db.Identities.SingleAsync(i => i.Id == identityId);
            var credential = new Credential
            {
                Id = "c0ffee0000000001", TenantId = identity.TenantId, RealmId = identity.RealmId, IdentityId = identity.Id,
                CredentialId = [1, 2, 3], PublicKey = [4], JwkJson = "{}", JwkThumbprint = "t", AttestationFormat = "none",
                KeyType = "webauthn", State = "ACTIVE", CreateTime = added, UpdateTime = added,
            };
            scope.ServiceProvider.GetRequiredService<INotificationQueue>()
                .EnqueuePasskeyAdded(db, identity, credential, "Chrome on macOS <b>", new RealmLook("Default Tenant", "Default Realm", Theme: null));
            await db.SaveChangesAsync();
        }

        await Eventually.TrueAsync(() => !smtp.Messages.IsEmpty, "the notice");
        var message = Assert.Single(smtp.Messages);
        Assert.Equal("grace@example.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("A passkey was added to your Default Realm account", message.Subject);
        Assert.Contains("Sunday 29 November 2026, 10:30 UTC", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Device: Chrome on macOS <b>", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("If it wasn't you", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Chrome on macOS &lt;b&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(EmailComposer.PasskeyAdded(EmailBranding.From(null, "Default Realm", null, null, null, null), added, "Chrome on macOS <b>").HtmlBody,
            message.HtmlBody!.ReplaceLineEndings("\n").TrimEnd('\n'));

        // Stored is what the notice says, not the notice: the sender composed it.
        using var read = factory.Services.CreateScope();
        var row = await read.ServiceProvider.GetRequiredService<PassbindDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == "grace@example.test");
        Assert.True(row.HtmlBody is null && row.TextBody is null, "no rendered bodies are stored");
        Assert.InRange(row.Fields!.Length, 1, 200);
    }

    [Fact]
    public async Task DevMailbox_NoSmtpHost_ShowsMessageOutsideProduction()
    {
        await using var store = new EmailTestStore();
        await using var factory = new EmailServerFactory(store, smtpPort: null);
        var api = await factory.StartApiAsync();
        var (_, jobId) = await api.CreateIdentityWithEmailJobAsync("heidi@example.test");
        await Eventually.TrueAsync(async () => (await ReadOutboxAsync(factory, jobId)).State == OutboxStates.Sent, "the dev mailbox delivery");

        using var anonymous = factory.CreateClient();
        using var response = await anonymous.GetAsync(DevMailboxEndpoints.Path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("heidi@example.test", page, StringComparison.Ordinal);
        Assert.Contains("Set up your passkey for Default Realm", page, StringComparison.Ordinal);
        Assert.Contains("<iframe title=\"HTML part\" sandbox=", page, StringComparison.Ordinal);
        Assert.Contains($"/credential-binding-jobs/{jobId}:invokeAuthenticator?token=", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(OutboxKinds.TransportDevMailbox, (await ReadOutboxAsync(factory, jobId)).Transport);
    }

    [Fact]
    public async Task DevMailbox_Production_NotMapped()
    {
        await using var store = new EmailTestStore();
        await using var factory = new EmailServerFactory(store, smtpPort: null, environment: "Production");
        await factory.StartApiAsync();

        using var anonymous = factory.CreateClient();
        using var response = await anonymous.GetAsync(DevMailboxEndpoints.Path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static async Task<OutboxMessage> ReadOutboxAsync(EmailServerFactory factory, string jobId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.JobId == jobId);
    }
}
