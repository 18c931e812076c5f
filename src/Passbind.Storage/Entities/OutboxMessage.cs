namespace Passbind.Storage.Entities;

/// <summary>
/// An email waiting in the transactional outbox, or delivered from it. It is written in the same transaction
/// as the change it reports (a binding job, a new passkey), so a crash never loses one without the other.
/// A message is stored as what it is composed from (<see cref="Fields"/>), and composed when it is sent; messages
/// queued before that was so carry their rendered bodies instead. A binding link lives only inside the fields (or
/// the bodies); no other column holds it.
/// </summary>
public sealed class OutboxMessage
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string RealmId { get; init; }

    /// <summary>The binding job whose link the message carries; null for notices.</summary>
    public string? JobId { get; init; }

    /// <summary><c>binding_link</c>, <c>passkey_added</c> or <c>sign_in_code</c>.</summary>
    public required string Kind { get; init; }

    public required string Recipient { get; init; }
    public required string Subject { get; init; }

    /// <summary>
    /// The values the message is composed from when it is sent (realm name and look, device, time, the sealed
    /// link or code), as compact JSON; null for a message queued with rendered bodies by an earlier version.
    /// </summary>
    public string? Fields { get; init; }

    /// <summary>The rendered HTML part of a message queued by an earlier version; null when <see cref="Fields"/> is set.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>The rendered text part of a message queued by an earlier version; null when <see cref="Fields"/> is set.</summary>
    public string? TextBody { get; init; }

    /// <summary>The RFC 5322 Message-ID (without angle brackets), fixed at enqueue so a resend after a crash is recognisable.</summary>
    public required string MessageId { get; init; }

    /// <summary><c>pending</c>, <c>sent</c>, <c>failed</c>, <c>expired</c> or <c>cancelled</c>.</summary>
    public required string State { get; set; }

    public int Attempts { get; set; }

    /// <summary>When a sender may next try it (pending messages only).</summary>
    public DateTimeOffset NextAttemptTime { get; set; }

    /// <summary>The claim of the sender now working on it; another sender may take it over once <see cref="LeaseExpireTime"/> passes.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpireTime { get; set; }

    /// <summary>What went wrong last: an SMTP reply code and text or an exception type, never a body, link or secret.</summary>
    public string? LastError { get; set; }

    /// <summary>Where it went: <c>smtp</c> or <c>dev_mailbox</c>; null until sent.</summary>
    public string? Transport { get; set; }

    /// <summary>For a binding link: when the link expires. The message is never sent after that.</summary>
    public DateTimeOffset? LinkExpireTime { get; init; }

    public DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset? SentTime { get; set; }
}
