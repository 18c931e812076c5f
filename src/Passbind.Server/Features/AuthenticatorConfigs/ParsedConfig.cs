namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>An authenticator config's stored JSON lists, parsed: what every ceremony call reads from its config.</summary>
internal sealed record ParsedConfig(IReadOnlyList<string> TrustedOrigins, IReadOnlyList<string> AuthenticationMethods)
{
    /// <summary>Whether the config allows <paramref name="method"/> (<c>webauthn_passkey</c>, <c>software_passkey</c>, …).</summary>
    public bool Allows(string method) => AuthenticationMethods.Contains(method);
}
