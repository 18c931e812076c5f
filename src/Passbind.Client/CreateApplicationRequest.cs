namespace Passbind.Client;

/// <summary>A new application, sent as <c>{"application":{...}}</c>.</summary>
public sealed record CreateApplicationRequest
{
    /// <summary>The display name (<c>display_name</c>). Required; default empty.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The authenticator config its sign-in uses (<c>authenticator_config_id</c>); required with the <c>authorization_code</c> grant.</summary>
    public string? AuthenticatorConfigId { get; init; }

    /// <summary>The protocol settings (<c>protocol_config</c>). Required.</summary>
    public ApplicationProtocolConfig ProtocolConfig { get; init; } = new();
}
