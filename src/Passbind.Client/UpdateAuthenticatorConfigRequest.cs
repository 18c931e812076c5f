namespace Passbind.Client;

/// <summary>A partial update of an authenticator config, sent as <c>{"authenticator_config":{...}}</c>; <see langword="null"/> fields are left unchanged.</summary>
public sealed record UpdateAuthenticatorConfigRequest
{
    /// <summary>The new display name (<c>display_name</c>). Default <see langword="null"/>: unchanged.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Settings to change (<c>config</c>); may omit <c>type</c>. Default <see langword="null"/>: unchanged.</summary>
    public AuthenticatorConfigSettings? Config { get; init; }
}
