namespace Passbind.Server.Features.Oidc;

/// <summary>Registers the OpenID Connect services: authorization codes, ID tokens, and the lookup of presented tokens.</summary>
internal static class OidcComposition
{
    public static IServiceCollection AddOidc(this IServiceCollection services)
    {
        services.AddSingleton<AuthorizationCodes>();
        services.AddSingleton<IdTokens>();
        services.AddScoped<PresentedTokens>();
        return services;
    }
}
