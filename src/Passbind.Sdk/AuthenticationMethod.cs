namespace Passbind.Sdk;

/// <summary>A sign-in method an authenticator config allows.</summary>
/// <param name="Type">For example <c>webauthn_passkey</c>, <c>software_passkey</c> or <c>email_one_time_password</c>.</param>
public sealed record AuthenticationMethod(string Type);
