namespace Passbind.Server.Features.Tokens;

/// <summary>RFC 6749 §5.1's successful answer, with OpenID Connect's <c>id_token</c> where one was asked for.</summary>
internal sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    long ExpiresIn,
    string Scope,
    string? IdToken = null,
    string? RefreshToken = null);
