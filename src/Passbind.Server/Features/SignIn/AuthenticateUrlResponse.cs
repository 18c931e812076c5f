namespace Passbind.Server.Features.SignIn;

/// <summary>The answer of a <c>manual</c> authorize: the authenticate URL the application hands to its SDK.</summary>
internal sealed record AuthenticateUrlResponse(string AuthenticateUrl);
