namespace Passbind.Server.Features.Binding;

/// <summary>The kinds of passkey a binding can create, and the authentication method a config must allow for each.</summary>
internal static class KeyTypes
{
    /// <summary>A platform or roaming authenticator driven by a browser.</summary>
    public const string WebAuthn = "webauthn";

    /// <summary>A software key held by an SDK (WebCrypto in a browser, the .NET SDK's key store).</summary>
    public const string Subtle = "subtle";

    public static string? RequiredMethod(string keyType) => keyType switch
    {
        WebAuthn => "webauthn_passkey",
        Subtle => "software_passkey",
        _ => null,
    };
}
