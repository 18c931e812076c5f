using Passbind.Server.Hosting;

namespace Passbind.Server.Features.Retention;

/// <summary>Registers the retention sweeper and its options.</summary>
internal static class RetentionComposition
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.SectionName);
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionSweeper>());
        return services;
    }
}
