using System.Diagnostics;
using Passbind.Server.Http;

namespace Passbind.Server.Operations;

/// <summary>
/// Measures a ceremony endpoint from the outside: how long it took and what it answered (the error's code, or
/// success). Added to an endpoint with one line, <c>.WithCeremonyMetrics("bind", "complete", completes: true)</c>.
/// A ceremony ends at the step that completes it or at any step that refuses it, and each ending is counted once
/// by outcome (<see cref="PassbindMetrics.BindCompleted"/>, <see cref="PassbindMetrics.SignInCompleted"/>).
/// </summary>
internal static class CeremonyMetricsFilter
{
    public const string Bind = "bind";
    public const string SignIn = "sign_in";

    public static RouteHandlerBuilder WithCeremonyMetrics(this RouteHandlerBuilder endpoint, string ceremony, string step, bool completes = false) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var result = await next(context);
            var metrics = context.HttpContext.RequestServices.GetRequiredService<PassbindMetrics>();
            var outcome = OutcomeOf(result);
            metrics.CeremonyStepMeasured(ceremony, step, outcome, Stopwatch.GetElapsedTime(started));
            // A ceremony ends at its completing step, or at any step that refuses it.
            if (completes || outcome != PassbindMetrics.Success)
            {
                if (ceremony == SignIn)
                {
                    metrics.SignInCompleted(outcome);
                }
                else
                {
                    metrics.BindCompleted(outcome);
                }
            }

            return result;
        });

    /// <summary>The error code of an <see cref="ApiError"/> (also inside a <c>Results&lt;…&gt;</c>), else success or the status.</summary>
    internal static string OutcomeOf(object? result) => result switch
    {
        INestedHttpResult nested => OutcomeOf(nested.Result),
        ApiError error => error.Code,
        IStatusCodeHttpResult { StatusCode: >= 400 and var status } => $"status_{status}",
        _ => PassbindMetrics.Success,
    };
}
