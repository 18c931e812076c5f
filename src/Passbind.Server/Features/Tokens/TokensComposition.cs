using Passbind.Server.Features.Tokens.Grants;
using Passbind.Server.Hosting;

namespace Passbind.Server.Features.Tokens;

/// <summary>Registers the token services: keys, access and refresh tokens, the revocation view, client authentication and one handler per grant.</summary>
internal static class TokensComposition
{
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddValidatedOptions<TokenOptions>(TokenOptions.SectionName)
            .Validate(o => o.IsValid(), "Passbind:Tokens: RevocationCheckInterval 0 to 10 minutes, RefreshTokenLifetime positive, SecretRotationGracePeriod 0 to 30 days, SigningKeyOverlap up to 90 days.");
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<ActiveTokens>();
        services.AddSingleton<RefreshTokens>();
        services.AddScoped<TokenRevocation>();
        services.AddScoped<ClientAuthenticator>();
        services.AddScoped<IGrantHandler, ClientCredentialsGrant>();
        services.AddScoped<IGrantHandler, AuthorizationCodeGrant>();
        services.AddScoped<IGrantHandler, RefreshTokenGrant>();
        return services;
    }
}
