using System.Security.Cryptography;
using Passbind.Core.Identifiers;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.SignIn;
using Passbind.Server.Features.Themes;
using Passbind.Server.Hosting;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Email;

/// <summary>
/// The writing side of the transactional outbox: composes a message and adds it to the caller's context,
/// never saving, so it commits (or not) with the caller's change. <see cref="OutboxCommitInterceptor"/>
/// wakes the sender once it has committed.
/// </summary>
internal sealed class OutboxQueue(PublicAddresses addresses, TimeProvider time, ILogger<OutboxQueue> logger) : IBindingEmailQueue, INotificationQueue, IOneTimeCodeEmailQueue
{
    private readonly string _messageIdDomain = new Uri(addresses.BaseUrl).IdnHost;

    public async Task EnqueueAsync(PassbindDbContext db, CredentialBindingJob job, Identity identity, string link, CancellationToken cancellationToken)
    {
        var recipient = identity.PrimaryEmailAddress
            ?? throw new ArgumentException("An EMAIL job needs an identity with an email address.", nameof(identity));
        var branding = await EmailBranding.LoadAsync(db, job.TenantId, job.RealmId, cancellationToken);
        var email = EmailComposer.BindingLink(branding, link, job.ExpireTime);
        var message = Add(db, job.TenantId, job.RealmId, job.Id, OutboxKinds.BindingLink, recipient, email, job.ExpireTime);
        Log.EmailQueued(logger, message.Kind, message.Id, job.Id);
    }

    public void EnqueuePasskeyAdded(PassbindDbContext db, Identity identity, Credential credential, string deviceKind, RealmLook realm)
    {
        if (string.IsNullOrEmpty(identity.PrimaryEmailAddress))
        {
            return;
        }

        var branding = EmailBranding.From(realm);
        var email = EmailComposer.PasskeyAdded(branding, credential.CreateTime, deviceKind);
        var message = Add(db, identity.TenantId, identity.RealmId, null, OutboxKinds.PasskeyAdded, identity.PrimaryEmailAddress, email, null);
        Log.EmailQueued(logger, message.Kind, message.Id, credential.BindingJobId);
    }

    /// <remarks>The code expires with the message: the outbox never sends it after <paramref name="expireTime"/>.</remarks>
    public async Task EnqueueAsync(PassbindDbContext db, Identity identity, string code, DateTimeOffset expireTime, CancellationToken cancellationToken)
    {
        var recipient = identity.PrimaryEmailAddress
            ?? throw new ArgumentException("A one-time code goes to an identity with an email address.", nameof(identity));
        var branding = await EmailBranding.LoadAsync(db, identity.TenantId, identity.RealmId, cancellationToken);
        var email = EmailComposer.SignInCode(branding, code, expireTime);
        var message = Add(db, identity.TenantId, identity.RealmId, null, OutboxKinds.SignInCode, recipient, email, expireTime);
        Log.EmailQueued(logger, message.Kind, message.Id, null);
    }

    private OutboxMessage Add(PassbindDbContext db, string tenantId, string realmId, string? jobId, string kind, string recipient, ComposedEmail email, DateTimeOffset? linkExpireTime)
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
            Subject = email.Subject,
            HtmlBody = email.HtmlBody,
            TextBody = email.TextBody,

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
