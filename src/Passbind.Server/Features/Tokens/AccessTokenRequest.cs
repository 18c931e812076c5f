using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// What an access token is issued for: the application, whom it speaks for (<paramref name="IdentityId"/> null
/// for the application itself, as in client credentials), the family it belongs to, its scopes and lifetime.
/// </summary>
internal sealed record AccessTokenRequest(
    Application Application,
    string Subject,
    string? IdentityId,
    string GrantId,
    IReadOnlyCollection<string> Scopes,
    TimeSpan Lifetime);
