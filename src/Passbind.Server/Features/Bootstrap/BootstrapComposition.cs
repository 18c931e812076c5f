namespace Passbind.Server.Features.Bootstrap;

/// <summary>Registers the bootstrapper that makes a fresh server usable at its first start.</summary>
internal static class BootstrapComposition
{
    public static IServiceCollection AddBootstrap(this IServiceCollection services)
    {
        services.AddSingleton<Bootstrapper>();
        return services;
    }
}
