namespace Passbind.Client;

/// <summary>A partial update of an application, sent as <c>{"application":{...}}</c>; <see langword="null"/> fields are left unchanged.</summary>
public sealed record UpdateApplicationRequest
{
    /// <summary>The new display name (<c>display_name</c>). Default <see langword="null"/>: unchanged.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Another authenticator config of the realm (<c>authenticator_config_id</c>). Default <see langword="null"/>: unchanged.</summary>
    public string? AuthenticatorConfigId { get; init; }

    /// <summary>Protocol settings to change (<c>protocol_config</c>). Default <see langword="null"/>: unchanged.</summary>
    public ApplicationProtocolConfig? ProtocolConfig { get; init; }
}
