namespace Passbind.Server.Features.SignIn;

/// <summary>The answer of <c>:authenticateOtp</c>, the same whether or not the address is known: the authenticate URL to go on with.</summary>
internal sealed record AuthenticateOtpResponse(string Url);
