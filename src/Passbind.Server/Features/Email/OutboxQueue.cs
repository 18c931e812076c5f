using System.Security.Cryptography;
using Passbind.Core.Identifiers;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.RateLimits;
using Passbind.Server.Features.SignIn;
using Passbind.Server.Features.Themes;
using Passbind.Server.Hosting;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Email;

/// <summary>
/// The writing side of the transactional outbox: adds what a message is composed from (<see cref="OutboxFields"/>)
/// to the caller's context, never saving, so it commits (or not) with the caller's change. <see cref="OutboxCommitInterceptor"/>
/// wakes the sender once it has committed.
/// </summary>
internal sealed class OutboxQueue(
    PublicAddresses addresses,
    SealedLinks sealedLinks,
    RateLimiter limiter,
    IOptions<RateLimitOptions> limits,
    TimeProvider time,
    ILogger<OutboxQueue> logger) : IBindingEmailQueue, INotificationQueue, IOneTimeCodeEmailQueue, IInboxLimits
{
    private const string EmailsPerIdentity = "email-identity";
    private const string EmailsPerAddress = "email-address";

    private readonly string _messageIdDomain = new Uri(addresses.BaseUrl).IdnHost;

    public Task<TimeSpan?> RetryAfterAsync(PassbindDbContext db, Identity identity, CancellationToken cancellationToken) =>
        limiter.RefusalAsync(db, InboxLimits(identity), cancellationToken);

    public async Task CountAsync(PassbindDbContext db, Identity identity, CancellationToken cancellationToken)
    {
        foreach (var counted in InboxLimits(identity))
        {
            await limiter.CountAsync(db, counted, cancellationToken);
        }
    }

    public async Task EnqueueAsync(PassbindDbContext db, CredentialBindingJob job, Identity identity, string link, CancellationToken cancellationToken)
    {
        var recipient = identity.PrimaryEmailAddress
            ?? throw new ArgumentException("An EMAIL job needs an identity with an email address.", nameof(identity));
        var branding = await EmailBranding.LoadAsync(db, job.TenantId, job.RealmId, cancellationToken);
        // The stored message carries the link with its token sealed; the sender opens it at the moment of sending.
        var fields = OutboxFields.For(branding, job.ExpireTime) with { Link = sealedLinks.SealLink(link) };
        var message = Add(db, job.TenantId, job.RealmId, job.Id, OutboxKinds.BindingLink, recipient, EmailComposer.BindingLinkSubject(branding), fields, job.ExpireTime);
        Log.EmailQueued(logger, message.Kind, message.Id, job.Id);
    }

    public void EnqueuePasskeyAdded(PassbindDbContext db, Identity identity, Credential credential, string deviceKind, RealmLook realm)
    {
        if (string.IsNullOrEmpty(identity.PrimaryEmailAddress))
        {
            return;
        }

        // Only what the notice says is stored; the sender composes it.
        var branding = EmailBranding.From(realm);
        var fields = OutboxFields.For(branding, credential.CreateTime) with { Device = deviceKind };
        var message = Add(db, identity.TenantId, identity.RealmId, null, OutboxKinds.PasskeyAdded, identity.PrimaryEmailAddress, EmailComposer.PasskeyAddedSubject(branding), fields, null);
        Log.EmailQueued(logger, message.Kind, message.Id, credential.BindingJobId);
    }

    /// <remarks>The code expires with the message: the outbox never sends it after <paramref name="expireTime"/>.</remarks>
    public async Task EnqueueAsync(PassbindDbContext db, Identity identity, string code, DateTimeOffset expireTime, CancellationToken cancellationToken)
    {
        var recipient = identity.PrimaryEmailAddress
            ?? throw new ArgumentException("A one-time code goes to an identity with an email address.", nameof(identity));
        var branding = await EmailBranding.LoadAsync(db, identity.TenantId, identity.RealmId, cancellationToken);
        // Like a link's token, the code is stored sealed and opened only when the message is sent.
        var fields = OutboxFields.For(branding, expireTime) with { Code = sealedLinks.Seal(code) };
        var message = Add(db, identity.TenantId, identity.RealmId, null, OutboxKinds.SignInCode, recipient, EmailComposer.SignInCodeSubject, fields, expireTime);
        Log.EmailQueued(logger, message.Kind, message.Id, null);
    }

    /// <summary>The limits on mail asked for one inbox: per identity, and per address whatever identity or realm holds it.</summary>
    private Counted[] InboxLimits(Identity identity) =>
    [
        new(EmailsPerIdentity, identity.Id, limits.Value.EmailsPerIdentity),
        new(EmailsPerAddress, (identity.PrimaryEmailAddress ?? string.Empty).ToUpperInvariant(), limits.Value.EmailsPerAddress),
    ];

    private OutboxMessage Add(PassbindDbContext db, string tenantId, string realmId, string? jobId, string kind, string recipient, string subject, OutboxFields fields, DateTimeOffset? linkExpireTime)
    {
        var now = time.GetUtcNow();
        var message = new OutboxMessage
        {
            Id = ResourceId.NewHexId(),
            TenantId = tenantId,
            RealmId = realmId,
            JobId = jobId,
            Kind = kind,
            Recipient = recipient,
            Subject = subject,
            Fields = fields.ToJson(),

            // Fixed now, so that a message sent again after a crash carries the same Message-ID and a
            // receiving system (or a person) can recognise the duplicate.
            MessageId = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}@{_messageIdDomain}",
            State = OutboxStates.Pending,
            NextAttemptTime = now,
            LinkExpireTime = linkExpireTime,
            CreateTime = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
