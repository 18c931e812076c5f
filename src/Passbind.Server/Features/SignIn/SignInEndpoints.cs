using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passbind.Core.Validation;
using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Server.Features.Binding;
using Passbind.Server.Features.BindingJobs;
using Passbind.Server.Features.Credentials;
using Passbind.Server.Features.Identities;
using Passbind.Server.Features.Pages;
using Passbind.Server.Features.Sdk;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Features.SignIn;

/// <summary>
/// Sign-in (docs/sign-in-protocol.md): an application's authorize endpoint, then the transaction calls an SDK
/// makes with the request JWT as its only credential. None of them needs a management token.
/// </summary>
internal static class SignInEndpoints
{
    public const string CorsPolicy = "sign-in-transaction";

    private const string ApplicationPath = "/v1/tenants/{tenant_id}/realms/{realm_id}/applications/{application_id}";

    private static readonly EmbeddedAsset Page = EmbeddedAsset.Load("Passbind.Server.Pages.bi-authenticate.html", "text/html; charset=utf-8");
    private static readonly EmbeddedAsset Script = EmbeddedAsset.Load("Passbind.Server.Pages.bi-authenticate.js", "text/javascript; charset=utf-8");

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        // No CORS: a browser navigates to the authorize endpoint, it never fetches it (security catalogue #90).
        app.MapGet($"{ApplicationPath}/authorize", AuthorizeAsync)
            .WithTags("Sign-in")
            .AllowAnonymous()
            .AddEndpointFilter(BindingCeremonyEndpoints.NoStore)
            .WithSummary("Start a sign-in (OpenID Connect authorization code flow)");

        var transaction = app.MapGroup("/v1/tenants/{tenant_id}/realms/{realm_id}/transactions")
            .WithTags("Sign-in")
            .AllowAnonymous()
            .RequireCors(CorsPolicy)
            .AddEndpointFilter(BindingCeremonyEndpoints.NoStore);
        transaction.MapPost("/{transaction_id}:authenticationContext", GetContextAsync)
            .WithSummary("Describe a sign-in: the application, where it started, and the allowed methods");
        transaction.MapPost("/{transaction_id}:authenticationOptions", CreateOptionsAsync)
            .WithSummary("Get WebAuthn assertion options for a sign-in");
        transaction.MapPost("/{transaction_id}:completeAuthentication", CompleteAsync)
            .WithSummary("Complete a sign-in with a WebAuthn assertion; answers the redirect URL with the code");
        transaction.MapPost("/{transaction_id}:authenticateOtp", SendOneTimeCodeAsync)
            .WithSummary("Email a one-time code for a sign-in (the same answer whether or not the address is known)");
        transaction.MapPost("/{transaction_id}:redeemOtp", RedeemOneTimeCodeAsync)
            .WithSummary("Complete a sign-in with an emailed one-time code");

        app.MapPost($"{ApplicationPath}/credential-binding-jobs", CreateBindingJobAsync)
            .WithTags("Sign-in")
            .AllowAnonymous()
            .AddEndpointFilter(BindingCeremonyEndpoints.NoStore)
            .WithSummary("Get a RETURN binding link with the passkey_binding_token of a one-time code sign-in");

        app.MapGet("/.well-known/webauthn", GetRelatedOriginsAsync)
            .WithTags("Sign-in")
            .AllowAnonymous()
            .WithSummary("WebAuthn related origins: trusted origins on other domains that use this server's RP ID");

        var pages = app.MapGroup("").WithTags("Hosted pages").AllowAnonymous().ExcludeFromDescription().AddEndpointFilter(PageEndpoints.AddPageHeaders);
        pages.MapGet("/bi-authenticate", GetPage);
        pages.MapGet("/pages/bi-authenticate.js", GetScript);
        return app;
    }

    /// <summary>
    /// A binding link for the identity a passkey binding token names (docs/sign-in-protocol.md §6): the token is
    /// the only credential, it works only at the issuer it was issued for and only while the identity has no active
    /// passkey, and the job uses the application's authenticator config.
    /// </summary>
    internal static async Task<Results<Ok<CreateBindingJobResponse>, ApiError>> CreateBindingJobAsync(
        string tenant_id, string realm_id, string application_id, HttpRequest request, JsonBody<BindingJobRequest> body, PassbindDbContext db,
        PasskeyBindingTokens bindingTokens, BindingLinks links, IBindingEmailQueue emailQueue, AppSchemes appSchemes, IOptions<BindingLinkOptions> options,
        TimeProvider time, ILogger<PasskeyBindingTokens> logger, CancellationToken cancellationToken)
    {
        var bearer = AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) ? header.Parameter : null;
        var identityId = await bindingTokens.ReadIdentityAsync(bearer, tenant_id, realm_id, application_id, cancellationToken);
        var identity = identityId is null ? null : await db.FindIdentityAsync(tenant_id, realm_id, identityId, cancellationToken);
        var application = identity is null ? null : await db.Applications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == application_id && a.TenantId == tenant_id && a.RealmId == realm_id, cancellationToken);
        if (identity is null || application is null || identity.Status != IdentityStatuses.Active
            || await db.Credentials.AnyAsync(c => c.IdentityId == identity.Id && c.State == CredentialStates.Active, cancellationToken))
        {
            return ApiError.Unauthorized();
        }

        if (!body.TryGetResource(r => r.Job, "job", out var fields, out var error))
        {
            return error;
        }

        if (fields.DeliveryMethod != DeliveryMethods.Return)
        {
            return ApiError.InvalidField("job.delivery_method", "must be RETURN: the link goes back to the application that holds the token");
        }

        if (application.AuthenticatorConfigId is null)
        {
            return ApiError.Unprocessable("Application", application.Id, "the application has no authenticator config");
        }

        return await BindingJobEndpoints.CreateForAsync(
            identity, fields with { AuthenticatorConfigId = application.AuthenticatorConfigId, AuthenticatorConfig = null },
            db, links, emailQueue, appSchemes, options.Value, time, logger, cancellationToken);
    }

    /// <summary>The hosted sign-in page, for authenticator configs whose invoke URL is this server (docs/sign-in-protocol.md §1).</summary>
    internal static FileContentHttpResult GetPage(HttpResponse response)
    {
        // The page's own URL holds the request JWT: never cache it, never send it on as a Referer.
        response.Headers.CacheControl = "no-store";
        return Page.ToResult();
    }

    internal static FileContentHttpResult GetScript(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache";
        return Script.ToResult();
    }

    /// <summary>
    /// The trusted web origins, on other domains, of every config that uses this server's host as its RP ID: a
    /// browser fetches this document to let them use it (WebAuthn L3 §5.11). 404 while there are none.
    /// </summary>
    internal static async Task<Results<Ok<RelatedOriginsResponse>, NotFound>> GetRelatedOriginsAsync(
        PassbindDbContext db, RelyingParties relyingParties, HttpResponse response, CancellationToken cancellationToken)
    {
        var host = relyingParties.ServerHost;
        var serverWide = relyingParties.ServerRpId == host;
        var lists = await db.AuthenticatorConfigs.AsNoTracking()
            .Where(c => c.RpId == host || (serverWide && c.RpId == null))
            .Select(c => c.TrustedOriginsJson)
            .ToListAsync(cancellationToken);
        var origins = lists
            .SelectMany(list => JsonSerializer.Deserialize<string[]>(list) ?? [])
            .Where(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is ("http" or "https") && !RelyingParties.IsWithin(uri.IdnHost, host))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (origins.Count == 0)
        {
            return TypedResults.NotFound();
        }

        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new RelatedOriginsResponse(origins));
    }

    internal static async Task<IResult> AuthorizeAsync(
        string tenant_id, string realm_id, string application_id, HttpRequest request, PassbindDbContext db, SignInTransactions transactions,
        CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == application_id && a.TenantId == tenant_id && a.RealmId == realm_id, cancellationToken);
        var (redirectUri, problem) = AuthorizeRequestValidator.ValidateClient(request.Query, application);
        if (redirectUri is null)
        {
            return AuthorizeErrorPage.Render(problem!);
        }

        var issuer = transactions.Issuer(application!);
        var state = request.Query["state"].Count == 1 ? request.Query["state"].ToString() : null;
        var (authorize, error) = AuthorizeRequestValidator.Validate(request.Query, application!, redirectUri);
        if (authorize is null)
        {
            return TypedResults.Redirect(ErrorRedirect(redirectUri, error!, state, issuer));
        }

        var config = application!.AuthenticatorConfigId is null
            ? null
            : await db.AuthenticatorConfigs.AsNoTracking().FirstOrDefaultAsync(
                c => c.Id == application.AuthenticatorConfigId && c.TenantId == tenant_id && c.RealmId == realm_id, cancellationToken);
        if (config is null)
        {
            return TypedResults.Redirect(ErrorRedirect(redirectUri, new AuthorizeError("server_error", "the application has no authenticator config"), state, issuer));
        }

        var authenticateUrl = await transactions.StartAsync(application, config, authorize, request, cancellationToken);
        return config.InvocationType == Features.AuthenticatorConfigs.AuthenticatorConfigRules.Manual
            ? TypedResults.Ok(new AuthenticateUrlResponse(authenticateUrl))
            : TypedResults.Redirect(authenticateUrl);
    }

    internal static Task<Results<Ok<AuthenticationContextResponse>, ApiError>> GetContextAsync(
        string tenant_id, string realm_id, string transaction_id, JsonBody<TransactionRequest> body, SignInTransactions transactions,
        CancellationToken cancellationToken) =>
        AnswerAsync(body, async request =>
        {
            var (opened, error) = await transactions.OpenAsync(new TransactionAddress(tenant_id, realm_id, transaction_id), request.Request, cancellationToken);
            return (opened is null ? null : transactions.Describe(opened), error);
        });

    internal static Task<Results<Ok<AuthenticationOptionsResponse>, ApiError>> CreateOptionsAsync(
        string tenant_id, string realm_id, string transaction_id, JsonBody<AuthenticationOptionsRequest> body, SignInCeremony ceremony,
        CancellationToken cancellationToken) =>
        AnswerAsync(body, request => ceremony.CreateOptionsAsync(new TransactionAddress(tenant_id, realm_id, transaction_id), request, cancellationToken));

    internal static Task<Results<Ok<CompleteAuthenticationResponse>, ApiError>> CompleteAsync(
        string tenant_id, string realm_id, string transaction_id, JsonBody<CompleteAuthenticationRequest> body, SignInCeremony ceremony,
        CancellationToken cancellationToken) =>
        AnswerAsync(body, request => ceremony.CompleteAsync(new TransactionAddress(tenant_id, realm_id, transaction_id), request, cancellationToken));

    internal static Task<Results<Ok<AuthenticateOtpResponse>, ApiError>> SendOneTimeCodeAsync(
        string tenant_id, string realm_id, string transaction_id, JsonBody<AuthenticateOtpRequest> body, OneTimeCodeSignIn oneTimeCodes,
        CancellationToken cancellationToken) =>
        AnswerAsync(body, request => oneTimeCodes.SendAsync(new TransactionAddress(tenant_id, realm_id, transaction_id), request, cancellationToken));

    internal static Task<Results<Ok<RedeemOtpResponse>, ApiError>> RedeemOneTimeCodeAsync(
        string tenant_id, string realm_id, string transaction_id, JsonBody<RedeemOtpRequest> body, OneTimeCodeSignIn oneTimeCodes,
        CancellationToken cancellationToken) =>
        AnswerAsync(body, request => oneTimeCodes.RedeemAsync(new TransactionAddress(tenant_id, realm_id, transaction_id), request, cancellationToken));

    /// <summary>
    /// Every transaction call answers alike: a body that is not the call's JSON is <c>invalid_request</c> before anything
    /// is looked up; otherwise the step's answer, or its error.
    /// </summary>
    private static async Task<Results<Ok<TResponse>, ApiError>> AnswerAsync<TRequest, TResponse>(
        JsonBody<TRequest> body, Func<TRequest, Task<(TResponse? Response, ApiError? Error)>> step)
        where TRequest : class
        where TResponse : class
    {
        if (body.Error is { } bodyError)
        {
            return BindingErrors.Malformed(bodyError);
        }

        var (response, error) = await step(body.Value!);
        return response is null ? error! : TypedResults.Ok(response);
    }

    /// <summary>RFC 6749 §4.1.2.1: the error, its description and the client's state, back at its (checked) redirect URI.</summary>
    private static string ErrorRedirect(string redirectUri, AuthorizeError error, string? state, string issuer) =>
        ClientRedirect.Build(redirectUri, ("error", error.Error), ("error_description", error.Description), ("state", state), ("iss", issuer));
}
