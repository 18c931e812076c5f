namespace Passbind.Server.Features.SignIn;

/// <summary>An RFC 6749 §4.1.2.1 error, sent back to the client's redirect URI with the request's <c>state</c>.</summary>
internal sealed record AuthorizeError(string Error, string Description)
{
    public static AuthorizeError InvalidRequest(string description) => new("invalid_request", description);
}
