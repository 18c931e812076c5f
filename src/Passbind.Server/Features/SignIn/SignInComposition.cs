using Passbind.Core.WebAuthn;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Hosting;

namespace Passbind.Server.Features.SignIn;

internal static class SignInComposition
{
    /// <summary>Sign-in: request JWTs, transactions, the passkey ceremony and its options.</summary>
    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddValidatedOptions<SignInOptions>(SignInOptions.SectionName);
        services.AddSingleton<SignInRequestTokens>();
        services.AddSingleton<AuthenticationVerifier>();
        services.AddScoped<SignInTransactions>();
        services.AddScoped<SignInCeremony>();
        services.AddSingleton<PasskeyBindingTokens>();
        services.AddScoped<OneTimeCodeSignIn>();
        services.AddSingleton<ITrustedOriginsSource, SignInTrustedOrigins>();
        return services;
    }
}
