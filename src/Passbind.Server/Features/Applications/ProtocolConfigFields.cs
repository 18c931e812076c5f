namespace Passbind.Server.Features.Applications;

/// <summary>
/// <c>protocol_config</c> as sent. Array elements are nullable so that a null inside an array is a field
/// violation, not a crash. <c>type</c> and <c>confidentiality</c> are fixed at creation: a patch ignores them.
/// </summary>
internal sealed record ProtocolConfigFields(
    string? Type,
    IReadOnlyList<string?>? AllowedScopes,
    string? Confidentiality,
    string? TokenEndpointAuthMethod,
    IReadOnlyList<string?>? GrantType,
    IReadOnlyList<string?>? RedirectUris,
    TokenConfigurationFields? TokenConfiguration,
    string? Pkce,
    string? TokenFormat);
