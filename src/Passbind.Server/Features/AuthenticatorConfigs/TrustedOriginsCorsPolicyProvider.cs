using System.Collections.Frozen;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>
/// CORS for the browser-facing protocols: a call under a policy that an <see cref="ITrustedOriginsSource"/> names
/// is allowed only from one of the authenticator config's <c>trusted_origins</c>, looked up per request and
/// matched exactly, as the ceremonies themselves match the origin. Any other policy is the default provider's.
/// </summary>
internal sealed class TrustedOriginsCorsPolicyProvider(DefaultCorsPolicyProvider fallback, IEnumerable<ITrustedOriginsSource> sources) : ICorsPolicyProvider
{
    private readonly FrozenDictionary<string, ITrustedOriginsSource> _sources = sources.ToFrozenDictionary(source => source.PolicyName, StringComparer.Ordinal);

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (policyName is null || !_sources.TryGetValue(policyName, out var source))
        {
            return await fallback.GetPolicyAsync(context, policyName);
        }

        var builder = new CorsPolicyBuilder().WithMethods(HttpMethods.Post).WithHeaders("content-type").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        if (await source.FindAsync(context, context.RequestAborted) is { } origins)
        {
            builder.WithOrigins([.. origins]);
        }

        return builder.Build();
    }
}
