using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Passbind.Server.Hosting;

namespace Passbind.Server.Operations;

/// <summary>Registers what running the server in production needs: start-time checks, readiness, telemetry.</summary>
internal static class OperationsComposition
{
    /// <summary>The meters exported beside Passbind's own: ASP.NET Core's request and connection metrics, and Npgsql's.</summary>
    private static readonly string[] FrameworkMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics", "Npgsql"];

    /// <summary>
    /// Call first, before the server's own registrations build anything from the configuration: a setting that
    /// cannot work stops the start here with one line naming it (see <see cref="StartupFailure"/>).
    /// </summary>
    public static WebApplicationBuilder AddPassbindOperations(this WebApplicationBuilder builder)
    {
        StartupFailure.Install(builder.Configuration);
        ConfigurationCheck.ThrowIfInvalid(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<PassbindMetrics>();
        services.AddSingleton<IInterceptor, DatabaseMetricsInterceptor>();
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.SectionName);
        services.AddValidatedOptions<TrustedProxyOptions>(TrustedProxyOptions.SectionName);
        services.AddTransient<IStartupFilter, ForwardedHeadersStartupFilter>();

        // With Logging:Console:FormatterName=json, each line carries its scopes: ASP.NET Core's RequestId,
        // RequestPath (never the query string) and trace ids.
        services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);

        var telemetry = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!telemetry.IsEnabled)
        {
            return builder;
        }

        services.AddHostedService<OutboxBacklog>();
        var otlp = string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint) ? null : new Uri(telemetry.OtlpEndpoint);
        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(telemetry.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PassbindMetrics.MeterName).AddMeter(FrameworkMeters);
                if (telemetry.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            openTelemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !OperationsEndpoints.IsProbe(context.Request.Path))
                .AddSource(PassbindMetrics.MeterName, "Npgsql")
                .AddOtlpExporter(exporter => exporter.Endpoint = otlp));
        }

        return builder;
    }
}
