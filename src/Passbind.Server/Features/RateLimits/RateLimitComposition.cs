using Passbind.Server.Hosting;

namespace Passbind.Server.Features.RateLimits;

/// <summary>Registers the rate limits and their options.</summary>
internal static class RateLimitComposition
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SectionName);
        services.AddSingleton<RateLimiter>();
        services.AddRequestRateLimits();
        return services;
    }
}
