using Microsoft.AspNetCore.Cors.Infrastructure;
using Passbind.Server.Hosting;

namespace Passbind.Server.Features.AuthenticatorConfigs;

/// <summary>
/// Registers what authenticator configs decide for every ceremony: the WebAuthn settings, each config's relying
/// party, and CORS for the origins the configs trust.
/// </summary>
internal static class AuthenticatorConfigsComposition
{
    public static IServiceCollection AddAuthenticatorConfigs(this IServiceCollection services)
    {
        services.AddValidatedOptions<WebAuthnOptions>(WebAuthnOptions.SectionName);
        services.AddSingleton<RelyingParties>();
        services.AddSingleton<ParsedConfigs>();
        services.AddCors();
        services.AddSingleton<DefaultCorsPolicyProvider>();
        services.AddSingleton<ICorsPolicyProvider, TrustedOriginsCorsPolicyProvider>();
        return services;
    }
}
