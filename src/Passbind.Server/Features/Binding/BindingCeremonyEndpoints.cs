using Microsoft.AspNetCore.Http.HttpResults;
using Passbind.Server.Features.Audit;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Pages;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Server.Operations;

namespace Passbind.Server.Features.Binding;

/// <summary>
/// The link's own endpoints, authorized by its token rather than a management token: opening it (GET, which
/// redirects and never consumes), then the two calls of docs/binding-protocol.md. None of them signs anyone in.
/// </summary>
internal static class BindingCeremonyEndpoints
{
    public const string CorsPolicy = "binding-ceremony";

    public static IEndpointRouteBuilder MapBindingCeremonyEndpoints(this IEndpointRouteBuilder app)
    {
        var job = app.MapGroup("/v1/tenants/{tenant_id}/realms/{realm_id}/identities/{identity_id}/credential-binding-jobs")
            .WithTags("Binding Ceremony")
            .AllowAnonymous()
            .AddEndpointFilter(NoStore)
            .WithCeremonyAudit();
        job.MapMethods("/{job_id}:invokeAuthenticator", [HttpMethods.Get, HttpMethods.Head], OpenLinkAsync)
            .WithSummary("Open a binding link: redirect to the app's invoke URL + /bind");
        job.MapPost("/{job_id}:registrationOptions", CreateOptionsAsync)
            .RequireCors(CorsPolicy)
            .WithCeremonyMetrics(CeremonyMetricsFilter.Bind, "options")
            .WithSummary("Get WebAuthn registration options for a binding link");
        job.MapPost("/{job_id}:completeRegistration", CompleteAsync)
            .RequireCors(CorsPolicy)
            .WithCeremonyMetrics(CeremonyMetricsFilter.Bind, "complete", completes: true)
            .WithSummary("Complete a binding with a WebAuthn registration response");
        return app;
    }

    /// <summary>
    /// GET records LINK_OPENED and redirects; HEAD (mail scanners) only looks. Neither consumes the link.
    /// </summary>
    internal static async Task<IResult> OpenLinkAsync(
        string tenant_id, string realm_id, string identity_id, string job_id, string? token,
        HttpRequest request, BindingCeremony ceremony, BindingLinks links, PublicAddresses addresses, CancellationToken cancellationToken)
    {
        var (opened, error) = await ceremony.OpenLinkAsync(new LinkAddress(tenant_id, realm_id, identity_id, job_id), token, cancellationToken);
        if (opened is null)
        {
            error!.MarkAsAnswer(request.HttpContext);
            return LinkStatusPage.Render(error.Code switch
            {
                BindingErrors.LinkConsumedCode => LinkStatus.Consumed,
                BindingErrors.LinkExpiredCode => LinkStatus.Expired,
                BindingErrors.LinkRevokedCode => LinkStatus.Revoked,
                _ => LinkStatus.NotFound,
            });
        }

        var job = opened.Job;
        if (HttpMethods.IsGet(request.Method))
        {
            await ceremony.RecordOpenedAsync(job, cancellationToken);
        }

        // hosted_web configs have no invoke URL of their own: the server's hosted /bind page serves them.
        return TypedResults.Redirect(links.BindRedirect(job, opened.Config.InvokeUrl ?? addresses.BaseUrl, token!));
    }

    internal static async Task<Results<Ok<RegistrationOptionsResponse>, ApiError>> CreateOptionsAsync(
        string tenant_id, string realm_id, string identity_id, string job_id, JsonBody<RegistrationOptionsRequest> body, BindingCeremony ceremony,
        CancellationToken cancellationToken)
    {
        if (body.Error is { } bodyError)
        {
            return BindingErrors.Malformed(bodyError);
        }

        var (options, error) = await ceremony.CreateOptionsAsync(new LinkAddress(tenant_id, realm_id, identity_id, job_id), body.Value!, cancellationToken);
        return error ?? (Results<Ok<RegistrationOptionsResponse>, ApiError>)TypedResults.Ok(options);
    }

    internal static async Task<Results<Ok<CompleteRegistrationResponse>, ApiError>> CompleteAsync(
        string tenant_id, string realm_id, string identity_id, string job_id, JsonBody<CompleteRegistrationRequest> body, BindingCeremony ceremony,
        CancellationToken cancellationToken)
    {
        if (body.Error is { } bodyError)
        {
            return BindingErrors.Malformed(bodyError);
        }

        var (response, error) = await ceremony.CompleteAsync(new LinkAddress(tenant_id, realm_id, identity_id, job_id), body.Value!, cancellationToken);
        return error ?? (Results<Ok<CompleteRegistrationResponse>, ApiError>)TypedResults.Ok(response);
    }

    /// <summary>A link or a sign-in's request JWT in a URL must not be cached or leak through Referer.</summary>
    internal static async ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        return await next(context);
    }
}
