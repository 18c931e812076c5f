using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Passbind.Server.Authorization;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Features.Binding;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Bootstrap;
using Passbind.Server.Features.Audit;
using Passbind.Server.Features.Email;
using Passbind.Server.Features.RateLimits;
using Passbind.Server.Features.Retention;
using Passbind.Server.Features.Oidc;
using Passbind.Server.Features.SignIn;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Http;
using Passbind.Server.Secrets;

namespace Passbind.Server.Hosting;

/// <summary>
/// Registers the server's services and prepares storage before the first request: what every feature stands on,
/// then each feature through its own <c>Add&lt;Feature&gt;()</c>, which binds and validates its own settings.
/// </summary>
internal static class ServerComposition
{
    public static WebApplicationBuilder AddPassbindServer(this WebApplicationBuilder builder)
    {
        builder.AddServerFoundation();
        builder.Services
            .AddSecrets()
            .AddManagementAuthorization()
            .AddTokens()
            .AddOidc()
            .AddBootstrap()
            .AddAuthenticatorConfigs()
            .AddBindingJobs()
            .AddBinding()
            .AddEmail()
            .AddSignIn()
            .AddRetention()
            .AddRateLimits()
            .AddAudit()
            .AddPassbindStorage(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Checks every setting, then migrates the database, loads the signing keys and bootstraps, so the first request
    /// finds a ready server.
    /// </summary>
    public static async Task InitializePassbindAsync(this WebApplication app)
    {
        // The host would check the settings only when it starts, after the database work below; a setting that
        // cannot work must stop the start before it, with its one line (Operations/StartupFailure).
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var lifetime = app.Lifetime.ApplicationStopping;
        await StorageSetup.MigrateAsync(app.Services, app.Logger, lifetime);
        await app.Services.GetRequiredService<SigningKeyRing>().InitializeAsync(lifetime);
        await app.Services.GetRequiredService<Bootstrapper>().RunAsync(lifetime);
    }

    /// <summary>The server's own settings and addresses, page tokens, JSON and Kestrel: what the features stand on.</summary>
    private static void AddServerFoundation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ServerOptions>(ServerOptions.SectionName);
        services.AddValidatedOptions<UrlOptions>(UrlOptions.SectionName)
            .Validate(o => o.Problem() is null, "Passbind:Urls:AppSchemes names a scheme no app can own");
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<UrlOptions>>().Value.ToAppSchemes());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PublicAddresses>();
        services.AddSingleton<IPostConfigureOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>, PublicHostFiltering>();
        services.AddSingleton<PageTokens>();

        // ASP.NET Core's own data protection (used by the framework, not by Passbind's secrets) keeps its
        // keys with the rest of the server's data instead of in the user's profile.
        var dataDirectory = builder.Configuration[$"{ServerOptions.SectionName}:DataDirectory"] ?? new ServerOptions().DataDirectory;
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "aspnet-keys")));

        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
    }
}
