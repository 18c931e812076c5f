using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Passbind.Server.Features.Audit;

/// <summary>Registers the audit trail: its options and the interceptor that writes events with the request's change.</summary>
internal static class AuditComposition
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        return services;
    }
}
