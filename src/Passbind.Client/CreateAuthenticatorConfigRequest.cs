namespace Passbind.Client;

/// <summary>A new authenticator config, sent as <c>{"authenticator_config":{...}}</c>.</summary>
public sealed record CreateAuthenticatorConfigRequest
{
    /// <summary>The display name (<c>display_name</c>). Required; default empty.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The settings (<c>config</c>), for example <see cref="AuthenticatorConfigSettings.Embedded"/>. Required; default: empty settings.</summary>
    public AuthenticatorConfigSettings Config { get; init; } = new();
}
