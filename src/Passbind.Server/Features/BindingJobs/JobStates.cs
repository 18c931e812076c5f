namespace Passbind.Server.Features.BindingJobs;

/// <summary>A credential binding job's states, as Beyond Identity's API names them.</summary>
internal static class JobStates
{
    public const string LinkSent = "LINK_SENT";
    public const string LinkOpened = "LINK_OPENED";
    public const string RequestDelivered = "REQUEST_DELIVERED";
    public const string Complete = "COMPLETE";
    public const string Expired = "EXPIRED";
    public const string FailedToSend = "FAILED_TO_SEND";
    public const string Revoked = "REVOKED";

    /// <summary>
    /// The states in which a link can still bind a passkey, expiry aside. <see cref="BindingJobQueries"/> puts the
    /// same list into SQL.
    /// </summary>
    public static IReadOnlyList<string> Usable { get; } = [LinkSent, LinkOpened, RequestDelivered];

    /// <summary>True while the link can still bind a passkey, expiry aside.</summary>
    public static bool IsUsable(string state) => Usable.Contains(state);

    /// <summary>The state on the wire: a usable job past its expiry reads as EXPIRED, whatever is stored.</summary>
    public static string Visible(string stored, DateTimeOffset expireTime, DateTimeOffset now) =>
        IsUsable(stored) && expireTime <= now ? Expired : stored;
}
