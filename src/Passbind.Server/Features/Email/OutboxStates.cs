namespace Passbind.Server.Features.Email;

/// <summary>The states of an outbox message.</summary>
internal static class OutboxStates
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>A binding link that expired before it could be sent: it is never mailed.</summary>
    public const string Expired = "expired";

    /// <summary>A binding link whose job ended (revoked, completed) before it could be sent.</summary>
    public const string Cancelled = "cancelled";
}
