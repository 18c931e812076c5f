namespace Passbind.Sdk;

/// <summary>
/// Options for <see cref="Embedded.InitializeAsync(EmbeddedOptions?, CancellationToken)"/>. Every property has a
/// default; <c>new EmbeddedOptions()</c> talks only to <c>localhost</c>.
/// </summary>
public sealed class EmbeddedOptions
{
    /// <summary>The default of <see cref="Origin"/>: <c>passbind-sdk://dotnet</c>.</summary>
    public const string DefaultOrigin = "passbind-sdk://dotnet";

    /// <summary>
    /// Where the default store keeps this device's passkeys, one file each. Default:
    /// <c>{LocalApplicationData}/Passbind/passkeys</c> (on Linux <c>~/.local/share/Passbind/passkeys</c>).
    /// Private keys in it are encrypted under the key in <see cref="StoreKeyFile"/>. Ignored when
    /// <see cref="PasskeyStore"/> is set.
    /// </summary>
    public string StoreDirectory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "Passbind",
        "passkeys");

    /// <summary>
    /// The file holding the per-user key that encrypts the private keys of the default store. It must lie outside
    /// <see cref="StoreDirectory"/>, so that a copy of that directory alone reveals no key. Default:
    /// <c>{ApplicationData}/Passbind/store.key</c> (on Linux <c>~/.config/Passbind/store.key</c>), created on first use
    /// with mode 0600. Ignored when <see cref="PasskeyStore"/> is set.
    /// </summary>
    public string StoreKeyFile { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "Passbind",
        "store.key");

    /// <summary>
    /// The hosts the SDK may talk to. A host is allowed when it equals an entry or is a subdomain of it
    /// (<c>example.com</c> allows <c>auth.example.com</c>); IP addresses match only exactly. Entries are host names
    /// or IP addresses, without scheme or port. Default: <c>["localhost"]</c> only, because Passbind has no fixed
    /// domain: list your server's host (the host of its <c>PublicBaseUrl</c>). An empty list allows no host.
    /// A link to any other host is refused with <see cref="PassbindErrorCodes.DomainNotAllowed"/> before anything is sent.
    /// </summary>
    public IReadOnlyList<string> AllowedDomains { get; set; } = ["localhost"];

    /// <summary>
    /// The origin the SDK presents in <c>clientDataJSON</c>. The server's authenticator config must list it, exactly,
    /// in <c>trusted_origins</c>. Default: <see cref="DefaultOrigin"/> (<c>passbind-sdk://dotnet</c>), which the
    /// bootstrap authenticator config trusts.
    /// </summary>
    public string Origin { get; set; } = DefaultOrigin;

    /// <summary>
    /// The HTTP client to use. Default: <see langword="null"/>, which means a shared client that does not follow
    /// redirects. The SDK never disposes a client it is given. Takes precedence over <see cref="HttpMessageHandler"/>.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// The handler to send requests through when <see cref="HttpClient"/> is not set. Default: <see langword="null"/>
    /// (the shared client). The SDK never disposes a handler it is given.
    /// </summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>The clock. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// A replacement for the default file store. Default: <see langword="null"/>, which means the encrypted file
    /// store in <see cref="StoreDirectory"/>. A replacement receives private keys in clear and must protect them.
    /// </summary>
    public IPasskeyStore? PasskeyStore { get; set; }
}
