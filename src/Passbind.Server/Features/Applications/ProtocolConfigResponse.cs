namespace Passbind.Server.Features.Applications;

/// <summary><c>protocol_config</c> on the wire; <c>client_secret</c> only in the answer that made it (create, <c>:rotateSecret</c>).</summary>
internal sealed record ProtocolConfigResponse(
    string Type,
    IReadOnlyList<string> AllowedScopes,
    string ClientId,
    string? ClientSecret,
    string Confidentiality,
    string TokenEndpointAuthMethod,
    IReadOnlyList<string> GrantType,
    IReadOnlyList<string> RedirectUris,
    TokenConfigurationResponse TokenConfiguration,
    string Pkce,
    string TokenFormat);
