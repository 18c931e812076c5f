namespace Passbind.Server.Features.RateLimits;

/// <summary>Registers the rate limits and their options.</summary>
internal static class RateLimitComposition
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RateLimiter>();
        return services;
    }
}
