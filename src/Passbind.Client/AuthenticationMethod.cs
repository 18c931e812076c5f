namespace Passbind.Client;

/// <summary>One entry of <see cref="AuthenticatorConfigSettings.AuthenticationMethods"/>.</summary>
public sealed record AuthenticationMethod
{
    /// <summary>The method (<c>type</c>, see <see cref="AuthenticationMethodTypes"/>). Default empty.</summary>
    public string Type { get; init; } = "";
}
