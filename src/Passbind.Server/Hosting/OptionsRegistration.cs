using Microsoft.Extensions.Options;

namespace Passbind.Server.Hosting;

/// <summary>How every options class is registered: bound to its section, its annotations and rules checked at start.</summary>
internal static class OptionsRegistration
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .BindConfiguration(sectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
