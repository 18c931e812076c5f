namespace Passbind.Server.Features.Oidc;

/// <summary>RFC 7662 §2.2's answer; every member but <c>active</c> is absent for an inactive token.</summary>
internal sealed record IntrospectionResponse(
    bool Active,
    string? Iss = null,
    string? Sub = null,
    string? ClientId = null,
    string? TokenType = null,
    string? Scope = null,
    long? Exp = null,
    long? Iat = null,
    string? Jti = null,
    string? Azp = null,
    string? BiT = null,
    string? BiR = null)
{
    public static readonly IntrospectionResponse Inactive = new(false);
}
