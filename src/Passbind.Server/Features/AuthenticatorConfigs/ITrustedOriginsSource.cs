namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>
/// A feature whose endpoints a browser may call only from an authenticator config's <c>trusted_origins</c> (the
/// binding ceremony through its job; sign-in through its transaction). It names the CORS policy its endpoints
/// require and finds, per request, the config its route leads to.
/// </summary>
internal interface ITrustedOriginsSource
{
    /// <summary>The policy name the feature's endpoints pass to <c>RequireCors</c>.</summary>
    string PolicyName { get; }

    /// <summary>The trusted origins of the authenticator config the request leads to, or null when it leads to none.</summary>
    Task<IReadOnlyList<string>?> FindAsync(HttpContext context, CancellationToken cancellationToken);
}
