using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Passbind.Server.Http;

namespace Passbind.Server.Operations;

/// <summary>
/// What a load balancer, an orchestrator and a metrics scraper ask (product.md fixed points 8 and 11), all
/// anonymous and outside the API's versioned paths.
/// </summary>
internal static class OperationsEndpoints
{
    public const string MetricsPath = "/metrics";
    private const string HealthPath = "/healthz";
    private const string ReadinessPath = "/readyz";

    public static WebApplication MapOperationsEndpoints(this WebApplication app)
    {
        var operations = app.MapGroup("").WithTags("Health").AllowAnonymous();

        // Liveness: the process serves HTTP. Nothing else is checked, so a database outage never gets a node
        // restarted; readiness says whether to send it traffic.
        operations.MapGet(HealthPath, () => TypedResults.Ok("ok"));
        operations.MapGet(ReadinessPath, GetReadinessAsync);

        // Off by default: then /metrics is an unknown route (404) like any other.
        if (app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    /// <summary>Probes and scrapes, which traces leave out: they would drown the requests worth seeing.</summary>
    public static bool IsProbe(PathString path) => path == HealthPath || path == ReadinessPath || path == MetricsPath;

    internal static async Task<Results<Ok<ReadinessResponse>, ApiError>> GetReadinessAsync(DatabaseReadiness readiness, CancellationToken cancellationToken)
    {
        var problem = await readiness.CheckAsync(cancellationToken);
        return problem is null ? TypedResults.Ok(new ReadinessResponse("ready")) : ApiError.NotReady(problem);
    }
}
