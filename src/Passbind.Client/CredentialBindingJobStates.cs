namespace Passbind.Client;

/// <summary>Values of <see cref="CredentialBindingJob.State"/>.</summary>
public static class CredentialBindingJobStates
{
    /// <summary><c>LINK_SENT</c>: just created (both delivery methods).</summary>
    public const string LinkSent = "LINK_SENT";

    /// <summary><c>LINK_OPENED</c>: the identity opened the link.</summary>
    public const string LinkOpened = "LINK_OPENED";

    /// <summary><c>REQUEST_DELIVERED</c>: the binding request reached the authenticator.</summary>
    public const string RequestDelivered = "REQUEST_DELIVERED";

    /// <summary><c>COMPLETE</c>: a passkey was bound.</summary>
    public const string Complete = "COMPLETE";

    /// <summary><c>EXPIRED</c>: the link expired unused.</summary>
    public const string Expired = "EXPIRED";

    /// <summary><c>FAILED_TO_SEND</c>: the email could not be sent.</summary>
    public const string FailedToSend = "FAILED_TO_SEND";

    /// <summary><c>REVOKED</c>: the job was revoked.</summary>
    public const string Revoked = "REVOKED";
}
