namespace Passbind.Server.Features.Tokens;

/// <summary>An access token as issued: the JWT, its id, and when it ends.</summary>
internal sealed record IssuedAccessToken(string AccessToken, string Id, long ExpiresIn, string Scope, DateTimeOffset ExpireTime);
