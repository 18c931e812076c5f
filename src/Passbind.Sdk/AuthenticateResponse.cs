namespace Passbind.Sdk;

/// <summary>
/// The result of <see cref="Embedded.AuthenticateAsync(string, string?, CancellationToken)"/> and
/// <see cref="Embedded.RedeemOtpAsync(string, string, CancellationToken)"/>.
/// </summary>
/// <param name="RedirectUrl">
/// <c>{redirect_uri}?code=…&amp;state=…</c>: the app hands it to its OIDC client (or the browser navigates there),
/// which exchanges the code for tokens.
/// </param>
/// <param name="Message">The server's message, or <see langword="null"/> when it sent none (the default).</param>
/// <param name="Passkey">The passkey that signed; <see langword="null"/> after a one-time code.</param>
public sealed record AuthenticateResponse(string RedirectUrl, string? Message, Passkey? Passkey)
{
    /// <summary>
    /// After <see cref="Embedded.RedeemOtpAsync(string, string, CancellationToken)"/>, when the identity has no passkey on
    /// this device: a token the app's backend exchanges for a binding link
    /// (<c>POST {issuer}/credential-binding-jobs</c> with it as bearer token). <see langword="null"/> otherwise (the default).
    /// </summary>
    public string? PasskeyBindingToken { get; init; }
}
