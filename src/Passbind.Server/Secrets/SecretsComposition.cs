using Passbind.Server.Hosting;

namespace Passbind.Server.Secrets;

/// <summary>Registers the master key and its setting.</summary>
internal static class SecretsComposition
{
    public static IServiceCollection AddSecrets(this IServiceCollection services)
    {
        services.AddValidatedOptions<MasterKeyOptions>(MasterKeyOptions.SectionName);
        services.AddSingleton<MasterKey>();
        return services;
    }
}
