namespace Passbind.Server.Features.Oidc;

/// <summary>
/// An application's OpenID Provider metadata (OpenID Connect Discovery 1.0 §3, RFC 8414).
/// <see cref="AuthorizationResponseIssParameterSupported"/> is always true: every authorization response, code or
/// error, carries <c>iss</c> (RFC 9207 §3), so a client that talks to several issuers can refuse a mixed-up one.
/// </summary>
internal sealed record DiscoveryDocument(
    string Issuer,
    string AuthorizationEndpoint,
    string TokenEndpoint,
    string UserinfoEndpoint,
    string JwksUri,
    string IntrospectionEndpoint,
    string RevocationEndpoint,
    IReadOnlyList<string> ResponseTypesSupported,
    IReadOnlyList<string> ResponseModesSupported,
    IReadOnlyList<string> GrantTypesSupported,
    IReadOnlyList<string> CodeChallengeMethodsSupported,
    IReadOnlyList<string> SubjectTypesSupported,
    IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
    IReadOnlyList<string> IntrospectionEndpointAuthMethodsSupported,
    IReadOnlyList<string> RevocationEndpointAuthMethodsSupported,
    IReadOnlyList<string> ScopesSupported,
    IReadOnlyList<string> ClaimsSupported,
    bool AuthorizationResponseIssParameterSupported);
