using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Passbind.Server.Authorization;
using Passbind.Server.Http;
using Passbind.Server.Operations;

namespace Passbind.Server.Features.RateLimits;

/// <summary>
/// The request rate of one management application (catalogue #76): at most
/// <see cref="RateLimitOptions.RequestsPerApplication"/> management API requests per window from the tokens of one
/// application, counted in each node's memory (a check on every request must not cost a database write; with N
/// nodes behind a balancer an application may make up to N times as many). Other applications are unaffected.
/// </summary>
internal static class RequestRateLimits
{
    public const string Policy = "requests-application";

    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var rule = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RequestsPerApplication;
            return context.Features.Get<ManagementPrincipal>() is { } principal && rule.Limit > 0
                ? RateLimitPartition.GetFixedWindowLimiter(principal.ApplicationId, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = rule.Limit,
                    Window = rule.Window,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty);
        });
        limiter.OnRejected = (rejected, _) =>
        {
            var context = rejected.HttpContext;
            context.RequestServices.GetRequiredService<PassbindMetrics>().RateLimitRefused(Policy);
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                ? wait
                : context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RequestsPerApplication.Window;
            return new ValueTask(ApiError.RateLimited(retryAfter).ExecuteAsync(context));
        };
    });
}
