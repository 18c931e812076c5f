using Microsoft.EntityFrameworkCore.Diagnostics;
using Passbind.Server.Hosting;

namespace Passbind.Server.Features.Audit;

/// <summary>Registers the audit trail: its options and the interceptor that writes events with the request's change.</summary>
internal static class AuditComposition
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuditOptions>(AuditOptions.SectionName);
        services.AddHttpContextAccessor();
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        return services;
    }
}
