namespace Passbind.Client;

/// <summary>Values of <see cref="AuthenticatorConfigSettings.InvocationType"/>.</summary>
public static class InvocationTypes
{
    /// <summary><c>automatic</c>: <c>/authorize</c> answers 302 to the invoke URL (the default).</summary>
    public const string Automatic = "automatic";

    /// <summary><c>manual</c>: <c>/authorize</c> answers JSON <c>{"authenticate_url":...}</c>.</summary>
    public const string Manual = "manual";
}
