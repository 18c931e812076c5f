namespace Passbind.Server.Features.SignIn;

/// <summary>The body of <c>:redeemOtp</c>: the code the user typed.</summary>
internal sealed record RedeemOtpRequest(string? Request, string? Otp);
