namespace Passbind.Client;

/// <summary>Values of <see cref="Identity.EnrollmentStatus"/>.</summary>
public static class EnrollmentStatuses
{
    /// <summary><c>ENROLLED</c>: at least one active passkey.</summary>
    public const string Enrolled = "ENROLLED";

    /// <summary><c>PENDING</c>: no active passkey, at least one pending credential binding job.</summary>
    public const string Pending = "PENDING";

    /// <summary><c>INVITE_FAILED</c>: no active passkey or pending job, and a binding email failed to send.</summary>
    public const string InviteFailed = "INVITE_FAILED";

    /// <summary><c>UNENROLLED</c>: no passkey and nothing pending.</summary>
    public const string Unenrolled = "UNENROLLED";
}
