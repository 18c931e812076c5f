namespace Passbind.Storage.Entities;

/// <summary>
/// One fixed-window counter of the rate limits (docs/security.md, "Rate limits"), in the database so that every
/// node counts against the same number. The key names the limit, a hash of what is counted (an address, a client,
/// a link, an identity, an email address) and the window.
/// </summary>
public sealed class RateLimitCounter
{
    public required string Key { get; init; }

    public int Count { get; set; }

    /// <summary>When the window ends; the retention sweep removes the row after it.</summary>
    public DateTimeOffset ExpireTime { get; init; }
}
