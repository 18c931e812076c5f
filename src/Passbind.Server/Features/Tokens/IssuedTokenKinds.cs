namespace Passbind.Server.Features.Tokens;

/// <summary>The kinds of <see cref="Passbind.Storage.Entities.IssuedToken"/>.</summary>
internal static class IssuedTokenKinds
{
    public const string Access = "access";
    public const string Refresh = "refresh";
}
