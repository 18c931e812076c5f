using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Passbind.Server.Features.Audit;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Operations;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Email;

/// <summary>
/// The reading side of the outbox: one round claims the due messages under a lease, sends them, and records
/// each outcome. A message the SMTP server accepted is recorded at once; the other outcomes, with the batch.
/// Delivery is at least once: a node that dies between the SMTP server's acceptance of a message and that
/// record has it sent again once the lease has passed, with the same Message-ID.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    SmtpMailTransport transport,
    OutboxContent content,
    IBindingEmailDelivery bindingJobs,
    IOptions<EmailOptions> options,
    TimeProvider time,
    PassbindMetrics metrics,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>This sender's name in the leases it takes; a restarted process is a new sender.</summary>
    private readonly string _senderId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Claims and handles one batch of due messages; answers how many it claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        using var activity = PassbindMetrics.ActivitySource.StartActivity("outbox round");
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        if (transport.UsesDevMailbox)
        {
            return await RunDevMailboxRoundAsync(db, cancellationToken);
        }

        var (claim, messages) = await ClaimAsync(db, cancellationToken);
        if (messages.Count == 0)
        {
            return 0;
        }

        List<(OutboxMessage Message, SendOutcome Outcome, string? Error)> outcomes;
        await using (var renewal = OutboxLeaseRenewal.Start(scopes, claim, messages.Select(m => m.Id).ToList(), options.Value.LeaseDuration, time, logger))
        {
            outcomes = await DeliverAsync(db, claim, messages, renewal, cancellationToken);
        }

        // The outcomes are recorded even while stopping (the messages have been sent, or their leases must go
        // back), and together: one commit for the batch.
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        foreach (var (message, outcome, error) in outcomes)
        {
            await RecordAsync(db, message, claim, outcome, error, CancellationToken.None);
        }

        // The outcomes' audit events (catalogue #92, #93, #95) commit with them.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return messages.Count;
    }

    /// <summary>
    /// A round without an SMTP server, where delivering a message is recording it in the dev mailbox: one
    /// transaction claims the due messages, settles each (sent, or expired or cancelled) and commits, so a round
    /// is one commit, the messages sent are recorded with one UPDATE, and no lease outlives the round.
    /// </summary>
    private async Task<int> RunDevMailboxRoundAsync(PassbindDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (claim, messages) = await ClaimAsync(db, cancellationToken);
        if (messages.Count == 0)
        {
            return 0;
        }

        var jobIds = messages.Where(m => m.JobId is not null).Select(m => m.JobId!).ToList();
        var endedJobs = await bindingJobs.FindEndedAsync(db, jobIds, CancellationToken.None);
        var sent = new List<OutboxMessage>(messages.Count);
        foreach (var message in messages)
        {
            var (outcome, error) = Unsendable(message, endedJobs);
            if (outcome is { } notSent)
            {
                await RecordAsync(db, message, claim, notSent, error, CancellationToken.None);
            }
            else
            {
                sent.Add(message);
            }
        }

        if (sent.Count > 0)
        {
            // One UPDATE for all of them, found by primary key. The dev mailbox keeps the sealed link to show it until the link expires (RetentionSweeper removes it then).
            var now = time.GetUtcNow();
            var sentIds = sent.Select(m => m.Id).ToList();
            var recorded = await db.OutboxMessages
                .Where(m => sentIds.Contains(m.Id) && m.LeaseOwner == claim)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.State, OutboxStates.Sent).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.SentTime, now)
                    .SetProperty(m => m.Transport, OutboxKinds.TransportDevMailbox).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpireTime, (DateTimeOffset?)null), CancellationToken.None);
            if (recorded != sent.Count)
            {
                // Every row was claimed inside this transaction, so no other sender can have taken one.
                throw new InvalidOperationException($"the dev mailbox round recorded {recorded} of {sent.Count} messages");
            }

            foreach (var message in sent)
            {
                LogSent(message, message.Attempts + 1);
                metrics.EmailSent(message.Kind);
                Audit(db, message, AuditTrail.EmailSent, AuditOutcomes.Success, OutboxKinds.TransportDevMailbox, now);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return messages.Count;
    }

    /// <summary>Expired or Cancelled, with why, for a message that must never be sent; null for one that may go.</summary>
    private (SendOutcome? Outcome, string? Error) Unsendable(OutboxMessage message, IReadOnlyDictionary<string, string> endedJobs)
    {
        // Never mail a link that can no longer bind: expiry is checked at the moment of sending.
        if (message.LinkExpireTime is { } expiry && expiry <= time.GetUtcNow())
        {
            return (SendOutcome.Expired, "link expired before sending");
        }

        return message.JobId is not null && endedJobs.TryGetValue(message.JobId, out var ended) ? (SendOutcome.Cancelled, $"job is {ended}") : (null, null);
    }

    /// <summary>
    /// Takes a lease on up to a batch of due messages with one conditional UPDATE. A row whose lease is held
    /// and unexpired is not matched, so of several senders (threads, or nodes on one database) exactly one
    /// gets each message: on PostgreSQL the losing UPDATE re-checks the condition after the winner commits
    /// and skips the row; on SQLite writers are serialised.
    /// </summary>
    private async Task<(string Claim, List<OutboxMessage> Messages)> ClaimAsync(PassbindDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.State == OutboxStates.Pending && m.NextAttemptTime <= now && (m.LeaseExpireTime == null || m.LeaseExpireTime <= now))
            .OrderBy(m => m.NextAttemptTime)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return (string.Empty, []);
        }

        var claim = $"{_senderId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var leaseUntil = now + options.Value.LeaseDuration;

        // From the claim on, stopping must not cut the round short: the claimed messages' leases go back only
        // when the round records them (as released, if it is stopping), or else they wait out LeaseDuration.
        cancellationToken.ThrowIfCancellationRequested();
        var claimed = await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.State == OutboxStates.Pending && (m.LeaseExpireTime == null || m.LeaseExpireTime <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseOwner, claim).SetProperty(m => m.LeaseExpireTime, leaseUntil), CancellationToken.None);
        if (claimed == 0)
        {
            return (claim, []);
        }

        // By id, not by lease owner: the primary key finds them, where a lookup by owner would read the whole table.
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => due.Contains(m.Id) && m.LeaseOwner == claim)
            .OrderBy(m => m.NextAttemptTime)
            .ToListAsync(CancellationToken.None);
        return (claim, messages);
    }

    private async Task<List<(OutboxMessage Message, SendOutcome Outcome, string? Error)>> DeliverAsync(
        PassbindDbContext db, string claim, List<OutboxMessage> messages, OutboxLeaseRenewal renewal, CancellationToken cancellationToken)
    {
        var jobIds = messages.Where(m => m.JobId is not null).Select(m => m.JobId!).ToList();
        var endedJobs = await bindingJobs.FindEndedAsync(db, jobIds, CancellationToken.None);

        var outcomes = new List<(OutboxMessage, SendOutcome, string?)>(messages.Count);
        SmtpClient? client = null;
        string? connectionError = null;
        try
        {
            foreach (var message in messages)
            {
                if (Unsendable(message, endedJobs) is ({ } notSent, var why))
                {
                    outcomes.Add((message, notSent, why));
                    continue;
                }

                if (cancellationToken.IsCancellationRequested || renewal.Lost)
                {
                    outcomes.Add((message, SendOutcome.Released, null));
                    continue;
                }

                // Once the server proved unreachable in this round, the rest of the batch waits with it.
                if (connectionError is not null && client is null)
                {
                    outcomes.Add((message, SendOutcome.Temporary, connectionError));
                    continue;
                }

                if (client is null)
                {
                    (client, connectionError) = await TryConnectAsync(cancellationToken);
                    if (client is null)
                    {
                        outcomes.Add((message, cancellationToken.IsCancellationRequested ? SendOutcome.Released : SendOutcome.Temporary, connectionError));
                        connectionError ??= "stopping";
                        continue;
                    }
                }

                var (outcome, error, broken) = await SendOneAsync(client, message);
                if (outcome == SendOutcome.Sent)
                {
                    // Recorded at once, not with the batch: a node that dies later in the batch must not have
                    // the messages the SMTP server already took sent again by the node that takes its lease over.
                    renewal.Releasing();
                    await RecordAsync(db, message, claim, outcome, null, CancellationToken.None);
                }
                else
                {
                    outcomes.Add((message, outcome, error));
                }

                if (broken)
                {
                    client?.Dispose();
                    client = null;
                    connectionError = error;
                }
            }
        }
        finally
        {
            if (client is not null)
            {
                try
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None).WaitAsync(options.Value.SmtpTimeout, time, CancellationToken.None);
                }
                catch (Exception exception) when (exception is IOException or SmtpProtocolException or TimeoutException or SocketException or ServiceNotConnectedException)
                {
                    // The messages are already accepted; a QUIT that fails changes nothing.
                }

                client.Dispose();
            }
        }

        return outcomes;
    }

    private async Task<(SmtpClient? Client, string? Error)> TryConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await transport.ConnectAsync(cancellationToken), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, null);
        }
        catch (Exception exception) when (IsTransient(exception, cancellationToken) || exception is SmtpCommandException)
        {
            // Unreachable, or a refused greeting or login (e.g. 535): the server or its configuration, not the
            // message; keep retrying until the limit.
            return (null, Describe(exception));
        }
    }

    private async Task<(SendOutcome Outcome, string? Error, bool ConnectionBroken)> SendOneAsync(SmtpClient client, OutboxMessage message)
    {
        MimeMessage mime;
        try
        {
            mime = transport.Build(message, content.Open(message));
        }
        catch (FormatException)
        {
            return (SendOutcome.Permanent, "the recipient address, a header or the stored message cannot be sent", false);
        }

        try
        {
            // A message on the wire finishes even while stopping (bounded by the client's SmtpTimeout): cut
            // short, the server might have it anyway, and it would be sent twice.
            await client.SendAsync(mime, CancellationToken.None);
            return (SendOutcome.Sent, null, false);
        }
        catch (SmtpCommandException exception)
        {
            // RFC 5321 §4.2.1: 5yz is a permanent failure, 4yz a transient one.
            return ((int)exception.StatusCode >= 500 ? SendOutcome.Permanent : SendOutcome.Temporary, Describe(exception), !client.IsConnected);
        }
        catch (Exception exception) when (IsTransient(exception, CancellationToken.None))
        {
            return (SendOutcome.Temporary, Describe(exception), true);
        }
    }

    private async Task RecordAsync(PassbindDbContext db, OutboxMessage message, string claim, SendOutcome outcome, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempts = outcome is SendOutcome.Sent or SendOutcome.Temporary or SendOutcome.Permanent ? message.Attempts + 1 : message.Attempts;
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.LeaseOwner == claim);
        if (outcome == SendOutcome.Temporary && attempts >= options.Value.MaxAttempts)
        {
            outcome = SendOutcome.Permanent;
        }

        int updated;
        switch (outcome)
        {
            case SendOutcome.Sent:
                // Once on its way, a message's stored bodies need its link no more. The dev mailbox keeps the sealed
                // link to show it, until the link expires (OutboxSweeper removes it then).
                var destination = transport.UsesDevMailbox ? OutboxKinds.TransportDevMailbox : OutboxKinds.TransportSmtp;
                var (sentFields, sentText, sentHtml) = transport.UsesDevMailbox ? (message.Fields, message.TextBody, message.HtmlBody) : OutboxContent.Redacted(message);
                updated = await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Fields, sentFields).SetProperty(m => m.TextBody, sentText).SetProperty(m => m.HtmlBody, sentHtml)
                    .SetProperty(m => m.State, OutboxStates.Sent).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.SentTime, now)
                    .SetProperty(m => m.Transport, destination).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpireTime, (DateTimeOffset?)null), cancellationToken);
                if (updated > 0)
                {
                    LogSent(message, attempts);
                    metrics.EmailSent(message.Kind);
                    Audit(db, message, AuditTrail.EmailSent, AuditOutcomes.Success, destination, now);
                }

                break;
            case SendOutcome.Temporary:
                var delay = Backoff(attempts);
                updated = await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptTime, now + delay).SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpireTime, (DateTimeOffset?)null), cancellationToken);
                if (updated > 0)
                {
                    Log.EmailRetryScheduled(logger, message.Id, attempts, options.Value.MaxAttempts, error ?? "unknown", delay);
                    metrics.EmailSendFailed(permanent: false);
                }

                break;
            case SendOutcome.Permanent:
                updated = await FailAsync(db, mine, message, attempts, error, now, cancellationToken);
                if (updated > 0)
                {
                    Log.EmailFailed(logger, message.Id, message.JobId, attempts, error ?? "unknown");
                    metrics.EmailSendFailed(permanent: true);
                    Audit(db, message, AuditTrail.EmailFailed, AuditOutcomes.Failure, "rejected_or_undeliverable", now);
                }

                break;
            case SendOutcome.Expired or SendOutcome.Cancelled:
                var state = outcome == SendOutcome.Expired ? OutboxStates.Expired : OutboxStates.Cancelled;
                var (fields, text, html) = OutboxContent.Redacted(message);
                updated = await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Fields, fields).SetProperty(m => m.TextBody, text).SetProperty(m => m.HtmlBody, html)
                    .SetProperty(m => m.State, state).SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpireTime, (DateTimeOffset?)null), cancellationToken);
                if (updated > 0)
                {
                    Log.EmailNotSent(logger, message.Id, message.JobId, error ?? state);
                    Audit(db, message, AuditTrail.EmailNotSent, AuditOutcomes.Failure, state, now);
                }

                break;
            default:
                updated = await mine.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpireTime, (DateTimeOffset?)null), cancellationToken);
                break;
        }

        if (updated == 0)
        {
            Log.EmailLeaseLost(logger, message.Id);
        }
    }

    /// <summary>A message's fate as an event of its realm's trail; what the SMTP server said stays in the log.</summary>
    private static void Audit(PassbindDbContext db, OutboxMessage message, string type, string outcome, string reason, DateTimeOffset now) =>
        db.AuditEvents.Add(new AuditEvent
        {
            TenantId = message.TenantId,
            RealmId = message.RealmId,
            Time = now,
            Type = type,
            Outcome = outcome,
            Reason = reason,
            ResourceType = message.JobId is null ? "email" : "credential_binding_job",
            ResourceId = message.JobId ?? message.Id,
        });

    /// <summary>Marks the message failed and tells its job, in the batch's transaction.</summary>
    private async Task<int> FailAsync(
        PassbindDbContext db, IQueryable<OutboxMessage> mine, OutboxMessage message, int attempts, string? error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (fields, text, html) = OutboxContent.Redacted(message);
        var updated = await mine.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Fields, fields).SetProperty(m => m.TextBody, text).SetProperty(m => m.HtmlBody, html)
            .SetProperty(m => m.State, OutboxStates.Failed).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpireTime, (DateTimeOffset?)null), cancellationToken);
        if (updated > 0 && message.JobId is not null)
        {
            await bindingJobs.SendFailedAsync(db, message.JobId, now, cancellationToken);
        }

        return updated;
    }

    /// <summary>Exponential backoff with jitter: a random point in the upper half of min(max, initial × 2^(n−1)).</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var initial = options.Value.InitialBackoff;
        var max = options.Value.MaxBackoff;
        var ceiling = initial * Math.Pow(2, Math.Min(attempts - 1, 30));
        if (ceiling > max)
        {
            ceiling = max;
        }

        var half = ceiling / 2;
        var jitter = (double)RandomNumberGenerator.GetInt32(0, 1_000_001) / 1_000_000;
        return half + (half * jitter);
    }

    private void LogSent(OutboxMessage message, int attempts)
    {
        if (!transport.UsesDevMailbox)
        {
            Log.EmailSent(logger, message.Kind, message.Id, message.JobId, attempts);
            return;
        }

        // Never the link itself: links, like every token, stay out of logs. Where the mail went was said once at
        // start (OutboxSender), so each message is a debug line only.
        Log.DevMailboxReceived(logger, message.Kind, message.Id);
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        IOException or SocketException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException
            or SslHandshakeException or AuthenticationException or ProtocolException => true,
        _ => false,
    };

    /// <summary>An error for the log and the row: the reply code or the exception's type, never server text that might echo an address.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"SMTP {(int)command.StatusCode} {command.ErrorCode}",
        SocketException socket => $"connection failed: {socket.SocketErrorCode}",
        _ => exception.GetType().Name,
    };
}
