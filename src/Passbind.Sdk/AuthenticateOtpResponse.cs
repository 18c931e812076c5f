namespace Passbind.Sdk;

/// <summary>The result of <see cref="Embedded.AuthenticateOtpAsync(string, string, CancellationToken)"/>.</summary>
/// <param name="Url">The authenticate URL to pass to <see cref="Embedded.RedeemOtpAsync(string, string, CancellationToken)"/>.</param>
public sealed record AuthenticateOtpResponse(string Url);
