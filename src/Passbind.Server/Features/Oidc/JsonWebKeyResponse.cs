namespace Passbind.Server.Features.Oidc;

/// <summary>One RSA public key of a JWKS (RFC 7517).</summary>
internal sealed record JsonWebKeyResponse(string Kty, string Kid, string Use, string Alg, string N, string E);
