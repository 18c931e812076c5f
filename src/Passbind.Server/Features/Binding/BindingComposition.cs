using Passbind.Core.WebAuthn;
using Passbind.Server.Features.AuthenticatorConfigs;

namespace Passbind.Server.Features.Binding;

/// <summary>Registers the binding ceremony: the registration verifier, the link lookups, the sealed challenges (which sign-in uses too) and the origins its links trust.</summary>
internal static class BindingComposition
{
    public static IServiceCollection AddBinding(this IServiceCollection services)
    {
        services.AddSingleton<RegistrationVerifier>();
        services.AddSingleton<BindingQueries>();
        services.AddSingleton<SealedChallenges>();
        services.AddScoped<BindingCeremony>();
        services.AddSingleton<ITrustedOriginsSource, BindingTrustedOrigins>();
        return services;
    }
}
