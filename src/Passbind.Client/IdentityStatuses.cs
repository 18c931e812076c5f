namespace Passbind.Client;

/// <summary>Values of <see cref="Identity.Status"/>.</summary>
public static class IdentityStatuses
{
    /// <summary><c>active</c>: the identity may bind passkeys and sign in.</summary>
    public const string Active = "active";

    /// <summary><c>suspended</c>: the identity may not sign in.</summary>
    public const string Suspended = "suspended";
}
