namespace Passbind.Sample;

/// <summary>
/// What the sample resolved at start: its own address, the Passbind server's, the config it binds with, and the
/// application it signs in with.
/// </summary>
internal sealed record SampleSettings(
    Uri PublicUrl,
    string Origin,
    Uri ServerBaseUrl,
    string AuthenticatorConfigId,
    string PostBindingRedirectUri,
    SampleSignIn SignIn)
{
    /// <summary>The browser SDK, as the server serves it (product.md, fixed point 6).</summary>
    public string SdkUrl => new Uri(ServerBaseUrl, "sdk/passbind.js").ToString();

    public string ServerOrigin => ServerBaseUrl.GetLeftPart(UriPartial.Authority);
}
