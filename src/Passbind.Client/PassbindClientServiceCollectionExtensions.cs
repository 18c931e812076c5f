using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Passbind.Client;

/// <summary>Registers <see cref="PassbindClient"/> with dependency injection.</summary>
public static class PassbindClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PassbindClient"/> as a typed <see cref="HttpClient"/>, with <see cref="PassbindClientOptions"/>
    /// validated on start and one token cache for the whole container. Uses the registered <see cref="TimeProvider"/>,
    /// or <see cref="TimeProvider.System"/> if there is none.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">
    /// Sets the options; default <see langword="null"/>: configure them elsewhere, for example
    /// <c>services.Configure&lt;PassbindClientOptions&gt;(configuration.GetSection(PassbindClientOptions.SectionName))</c>.
    /// </param>
    /// <returns>The HTTP client builder, to add handlers or resilience.</returns>
    public static IHttpClientBuilder AddPassbindClient(this IServiceCollection services, Action<PassbindClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PassbindClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PassbindClientOptions>, PassbindClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new AccessTokenCache(
            provider.GetRequiredService<IOptions<PassbindClientOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        var builder = services.AddHttpClient(nameof(PassbindClient));
        builder.AddTypedClient((httpClient, provider) => new PassbindClient(
            httpClient, provider.GetRequiredService<IOptions<PassbindClientOptions>>().Value, provider.GetRequiredService<AccessTokenCache>()));
        return builder;
    }
}
