namespace Passbind.Client;

/// <summary>
/// A new credential binding job, sent as <c>{"job":{...}}</c>. Needs <see cref="DeliveryMethod"/> and one of
/// <see cref="AuthenticatorConfigId"/> or <see cref="AuthenticatorConfig"/>.
/// </summary>
public sealed record CreateCredentialBindingJobRequest
{
    /// <summary>
    /// <see cref="DeliveryMethods.Return"/> (the response carries the link) or <see cref="DeliveryMethods.Email"/> (the
    /// server emails it to the identity's primary address) (<c>delivery_method</c>). Default <c>RETURN</c>.
    /// </summary>
    public string DeliveryMethod { get; init; } = DeliveryMethods.Return;

    /// <summary>
    /// The authenticator config to bind with (<c>authenticator_config_id</c>). Default <see langword="null"/>: the
    /// client fills in <see cref="PassbindClientOptions.AuthenticatorConfigId"/> unless <see cref="AuthenticatorConfig"/> is set.
    /// </summary>
    public string? AuthenticatorConfigId { get; init; }

    /// <summary>An inline authenticator config instead of an id (<c>authenticator_config</c>). Default <see langword="null"/>.</summary>
    public InlineAuthenticatorConfig? AuthenticatorConfig { get; init; }

    /// <summary>Where the SDK redirects after binding (<c>post_binding_redirect_uri</c>). Default <see langword="null"/>: no redirect.</summary>
    public string? PostBindingRedirectUri { get; init; }
}
