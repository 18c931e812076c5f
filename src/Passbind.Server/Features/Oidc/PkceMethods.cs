namespace Passbind.Server.Features.Oidc;

/// <summary>The <c>code_challenge_method</c> values of RFC 7636, as a relying party sends them.</summary>
internal static class PkceMethods
{
    public const string S256 = "S256";
    public const string Plain = "plain";
}
