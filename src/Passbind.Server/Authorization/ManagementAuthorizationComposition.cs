using Microsoft.AspNetCore.Authentication;

namespace Passbind.Server.Authorization;

/// <summary>Registers the management API's bearer scheme (the default scheme) and authorization.</summary>
internal static class ManagementAuthorizationComposition
{
    public static IServiceCollection AddManagementAuthorization(this IServiceCollection services)
    {
        services.AddAuthentication(ManagementTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ManagementTokenHandler>(ManagementTokenHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }
}
