namespace Passbind.Client;

/// <summary>An authenticator config given inside a credential binding job (<c>{"config":{...}}</c>); it may not be <c>hosted_web</c>.</summary>
public sealed record InlineAuthenticatorConfig
{
    /// <summary>The settings (<c>config</c>). Default: empty settings.</summary>
    public AuthenticatorConfigSettings Config { get; init; } = new();
}
