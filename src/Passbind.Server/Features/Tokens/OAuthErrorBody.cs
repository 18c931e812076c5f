namespace Passbind.Server.Features.Tokens;

/// <summary>The RFC 6749 §5.2 error body.</summary>
internal sealed record OAuthErrorBody(
    string Error,
    string ErrorDescription);
