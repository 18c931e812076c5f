using Microsoft.AspNetCore.Cors.Infrastructure;
using Passbind.Core.WebAuthn;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Features.Binding;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Bootstrap;
using Passbind.Server.Features.Audit;
using Passbind.Server.Features.Email;
using Passbind.Server.Features.RateLimits;
using Passbind.Server.Features.Retention;
using Passbind.Server.Features.SignIn;
using Passbind.Server.Authorization;
using Passbind.Server.Features.Oidc;
using Passbind.Server.Features.Tokens;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Passbind.Server.Http;
using Passbind.Server.Secrets;

namespace Passbind.Server.Hosting;

/// <summary>Registers the server's services and prepares storage before the first request.</summary>
internal static class ServerComposition
{
    public static WebApplicationBuilder AddPassbindServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PassbindOptions>()
            .BindConfiguration(PassbindOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<UrlOptions>().BindConfiguration(UrlOptions.SectionName).Validate(o => o.Problem() is null, "Passbind:Urls:AppSchemes names a scheme no app can own").ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<UrlOptions>>().Value.ToAppSchemes());
        services.AddSingleton<PublicAddresses>();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>, PublicHostFiltering>();
        services.AddSingleton<MasterKey>();
        services.AddSingleton<PageTokens>();
        services.AddPassbindTokens();
        services.AddPassbindOidc();
        services.AddSingleton<Bootstrapper>();
        services.AddSingleton<BindingLinks>();
        services.AddSingleton<RelyingParties>();
        services.AddSingleton<RegistrationVerifier>();
        services.AddSingleton<BindingQueries>();
        services.AddScoped<BindingCeremony>();
        services.AddCors();
        services.AddSingleton<DefaultCorsPolicyProvider>();
        services.AddSingleton<ICorsPolicyProvider, TrustedOriginsCorsPolicyProvider>();
        services.AddSingleton<ITrustedOriginsSource, BindingTrustedOrigins>();
        services.AddEmail();
        services.AddSignIn();
        services.AddRetention();
        services.AddRateLimits();
        services.AddAudit();
        services.AddPassbindStorage(builder.Configuration);

        // ASP.NET Core's own data protection (used by the framework, not by Passbind's secrets) keeps its
        // keys with the rest of the server's data instead of in the user's profile.
        var dataDirectory = builder.Configuration[$"{PassbindOptions.SectionName}:DataDirectory"] ?? new PassbindOptions().DataDirectory;
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "aspnet-keys")));

        services.AddAuthentication(ManagementTokenHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ManagementTokenHandler>(ManagementTokenHandler.SchemeName, null);
        services.AddAuthorization();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddProblemDetails();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        return builder;
    }

    /// <summary>Migrates the database, loads the signing keys and bootstraps, so the first request finds a ready server.</summary>
    public static async Task InitializePassbindAsync(this WebApplication app)
    {
        var lifetime = app.Lifetime.ApplicationStopping;
        await StorageSetup.MigrateAsync(app.Services, app.Logger, lifetime);
        await app.Services.GetRequiredService<SigningKeyRing>().InitializeAsync(lifetime);
        await app.Services.GetRequiredService<Bootstrapper>().RunAsync(lifetime);
    }
}
