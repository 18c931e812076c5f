namespace Passbind.Client;

/// <summary>Values of <see cref="AuthenticatorConfigSettings.Type"/>.</summary>
public static class AuthenticatorConfigTypes
{
    /// <summary><c>embedded</c>: an app that uses the embedded SDK at its invoke URL.</summary>
    public const string Embedded = "embedded";

    /// <summary><c>hosted_web</c>: the server's own hosted pages.</summary>
    public const string HostedWeb = "hosted_web";
}
