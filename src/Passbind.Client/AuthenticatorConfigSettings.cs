namespace Passbind.Client;

/// <summary>
/// The <c>config</c> of an authenticator config, discriminated by <see cref="Type"/>:
/// <see cref="AuthenticatorConfigTypes.Embedded"/> (an app using the embedded SDK) or
/// <see cref="AuthenticatorConfigTypes.HostedWeb"/>. <see langword="null"/> properties are not sent, so a PATCH may
/// carry only the settings it changes.
/// </summary>
public sealed record AuthenticatorConfigSettings
{
    /// <summary>The kind of config (<c>type</c>, see <see cref="AuthenticatorConfigTypes"/>). Default <see langword="null"/>: omitted (allowed on PATCH).</summary>
    public string? Type { get; init; }

    /// <summary>
    /// The app's URL (<c>invoke_url</c>); binding emails redirect to it with <c>/bind</c> appended, sign-in with
    /// <c>/bi-authenticate</c>. Required for embedded. Default <see langword="null"/>.
    /// </summary>
    public string? InvokeUrl { get; init; }

    /// <summary>
    /// <see cref="InvocationTypes.Automatic"/> (302 redirect) or <see cref="InvocationTypes.Manual"/> (JSON) at sign-in
    /// (<c>invocation_type</c>). Default <see langword="null"/>: omitted, the server uses automatic.
    /// </summary>
    public string? InvocationType { get; init; }

    /// <summary>
    /// The exact origins allowed to run binding and sign-in ceremonies (<c>trusted_origins</c>). Required.
    /// Default <see langword="null"/>.
    /// </summary>
    public IReadOnlyList<string>? TrustedOrigins { get; init; }

    /// <summary>
    /// The allowed authentication methods (<c>authentication_methods</c>). Default <see langword="null"/>: omitted,
    /// the server chooses.
    /// </summary>
    public IReadOnlyList<AuthenticationMethod>? AuthenticationMethods { get; init; }

    /// <summary>Settings for an app that uses the embedded SDK.</summary>
    /// <param name="invokeUrl">The app's URL (<c>invoke_url</c>).</param>
    /// <param name="trustedOrigins">The origins allowed to run ceremonies; default: the origin of <paramref name="invokeUrl"/>.</param>
    /// <returns>Settings of type <c>embedded</c>.</returns>
    public static AuthenticatorConfigSettings Embedded(Uri invokeUrl, IReadOnlyList<string>? trustedOrigins = null)
    {
        ArgumentNullException.ThrowIfNull(invokeUrl);
        return new AuthenticatorConfigSettings
        {
            Type = AuthenticatorConfigTypes.Embedded,
            InvokeUrl = invokeUrl.OriginalString,
            TrustedOrigins = trustedOrigins ?? [invokeUrl.GetLeftPart(UriPartial.Authority)],
        };
    }

    /// <summary>Settings for the server's hosted web authenticator.</summary>
    /// <param name="trustedOrigins">The origins allowed to run ceremonies.</param>
    /// <param name="authenticationMethods">The allowed methods; default: <c>webauthn_passkey</c> only.</param>
    /// <returns>Settings of type <c>hosted_web</c>.</returns>
    public static AuthenticatorConfigSettings HostedWeb(
        IReadOnlyList<string> trustedOrigins, IReadOnlyList<AuthenticationMethod>? authenticationMethods = null) =>
        new()
        {
            Type = AuthenticatorConfigTypes.HostedWeb,
            TrustedOrigins = trustedOrigins,
            AuthenticationMethods = authenticationMethods ?? [new AuthenticationMethod { Type = AuthenticationMethodTypes.WebAuthnPasskey }],
        };
}
