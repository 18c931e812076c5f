using Passbind.Server.Hosting;

namespace Passbind.Server.Features.BindingJobs;

/// <summary>Registers binding jobs: their links and how long the links live.</summary>
internal static class BindingJobsComposition
{
    public static IServiceCollection AddBindingJobs(this IServiceCollection services)
    {
        services.AddValidatedOptions<BindingLinkOptions>(BindingLinkOptions.SectionName);
        services.AddSingleton<BindingLinks>();
        return services;
    }
}
