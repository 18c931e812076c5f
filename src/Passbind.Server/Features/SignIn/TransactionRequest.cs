namespace Passbind.Server.Features.SignIn;

/// <summary>The body of <c>:authenticationContext</c>: only the request JWT.</summary>
internal sealed record TransactionRequest(string? Request);
