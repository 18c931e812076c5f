using Microsoft.AspNetCore.Http.HttpResults;
using Passbind.Server.Http;

namespace Passbind.Server.Operations;

/// <summary>
/// What a load balancer, an orchestrator and a metrics scraper ask (product.md fixed points 8 and 11), all
/// anonymous and outside the API's versioned paths.
/// </summary>
internal static class OperationsEndpoints
{
    public static WebApplication MapOperationsEndpoints(this WebApplication app)
    {
        var operations = app.MapGroup("").WithTags("Health").AllowAnonymous();

        // Liveness: the process serves HTTP. Nothing else is checked, so a database outage never gets a node
        // restarted; readiness says whether to send it traffic.
        operations.MapGet("/healthz", () => TypedResults.Ok("ok"));
        operations.MapGet("/readyz", GetReadinessAsync);
        return app;
    }

    internal static async Task<Results<Ok<ReadinessResponse>, ApiError>> GetReadinessAsync(DatabaseReadiness readiness, CancellationToken cancellationToken)
    {
        var problem = await readiness.CheckAsync(cancellationToken);
        return problem is null ? TypedResults.Ok(new ReadinessResponse("ready")) : ApiError.NotReady(problem);
    }
}
