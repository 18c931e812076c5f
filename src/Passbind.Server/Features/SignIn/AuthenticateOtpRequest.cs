namespace Passbind.Server.Features.SignIn;

/// <summary>The body of <c>:authenticateOtp</c>: the address to send a one-time code to.</summary>
internal sealed record AuthenticateOtpRequest(string? Request, string? Email);
