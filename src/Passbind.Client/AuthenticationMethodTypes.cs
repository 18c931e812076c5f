namespace Passbind.Client;

/// <summary>Values of <see cref="AuthenticationMethod.Type"/>.</summary>
public static class AuthenticationMethodTypes
{
    /// <summary><c>webauthn_passkey</c>: a platform or roaming WebAuthn passkey.</summary>
    public const string WebAuthnPasskey = "webauthn_passkey";

    /// <summary><c>software_passkey</c>: a passkey held by an SDK.</summary>
    public const string SoftwarePasskey = "software_passkey";

    /// <summary><c>email_one_time_password</c>: a code sent by email.</summary>
    public const string EmailOneTimePassword = "email_one_time_password";
}
