namespace Passbind.Client;

/// <summary>Values of <see cref="Credential.State"/>.</summary>
public static class CredentialStates
{
    /// <summary><c>ACTIVE</c>: usable for sign-in.</summary>
    public const string Active = "ACTIVE";

    /// <summary><c>REVOKED</c>: no longer accepted.</summary>
    public const string Revoked = "REVOKED";
}
