using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Passbind.Server.Hosting;
using Passbind.Server.Html;

namespace Passbind.Server.Features.Console;

/// <summary>
/// The admin console at <c>/console</c>: Razor Pages under Features/Console/Pages, a session cookie of its own,
/// sign-in through this server's OIDC provider as the built-in console application, and one policy on every page.
/// </summary>
internal static class ConsoleComposition
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; " +
        "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private const string PreviewPolicyItem = "passbind.console.preview-policy";

    public static WebApplicationBuilder AddPassbindConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddValidatedOptions<ConsoleOptions>(ConsoleOptions.SectionName);
        services.AddSingleton<ConsoleClient>();
        services.AddSingleton<ConsoleProvisioning>();
        services.AddScoped<ConsoleIdentityImport>();
        services.AddHttpContextAccessor();
        services.AddScoped<IAuthorizationHandler, ConsoleAdministratorHandler>();

        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Features/Console/Pages";
            pages.Conventions.AuthorizeFolder("/", ConsoleSchemes.AdministratorPolicy);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
        }).AddMvcOptions(mvc => mvc.Filters.Add<RefusedFormPage>());
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "passbind_console_csrf";
            antiforgery.Cookie.Path = "/console";
            antiforgery.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            antiforgery.FormFieldName = "__csrf";
        });

        services.AddAuthorizationBuilder().AddPolicy(ConsoleSchemes.AdministratorPolicy, policy => policy
            .AddAuthenticationSchemes(ConsoleSchemes.Cookie)
            .RequireAuthenticatedUser()
            .AddRequirements(new ConsoleAdministratorRequirement()));

        services.AddAuthentication()
            .AddCookie(ConsoleSchemes.Cookie)
            .AddOpenIdConnect(ConsoleSchemes.OpenIdConnect, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(ConsoleSchemes.Cookie).Configure<IOptions<ConsoleOptions>>((cookie, console) =>
        {
            cookie.Cookie.Name = "passbind_console";
            cookie.Cookie.Path = "/console";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = console.Value.IdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/console/signin";
            cookie.Events.OnRedirectToAccessDenied = context => Refuse(context.HttpContext);
        });
        services.AddOptions<OpenIdConnectOptions>(ConsoleSchemes.OpenIdConnect).Configure<ConsoleClient, PublicAddresses>((oidc, client, addresses) =>
        {
            // Read when the first sign-in starts: by then start-up has found or made the console application.
            var console = client.Current;
            oidc.SignInScheme = ConsoleSchemes.Cookie;
            oidc.MetadataAddress = console.Issuer + "/.well-known/openid-configuration";
            oidc.RequireHttpsMetadata = console.Issuer.StartsWith("https:", StringComparison.Ordinal);
            oidc.ClientId = console.ClientId;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.CallbackPath = ConsoleApplication.RedirectPath;
            oidc.SignedOutCallbackPath = ConsoleApplication.SignedOutPath;
            oidc.MapInboundClaims = false;
            oidc.SaveTokens = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            // Passbind answers authorize with the code in the query (docs/sign-in-protocol.md), a top-level GET back
            // to the console, so the correlation and nonce cookies can be SameSite=Lax: a plain-HTTP localhost keeps them.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            oidc.NonceCookie.SecurePolicy = oidc.CorrelationCookie.SecurePolicy;
            oidc.Events.OnRemoteFailure = context =>
            {
                // A refused or abandoned sign-in is the operator's to retry, not a server error.
                context.HandleResponse();
                return SignInFailed(context.HttpContext);
            };
            oidc.TokenValidationParameters.ValidIssuer = console.Issuer;
            oidc.Events.OnTokenValidated = context =>
            {
                // The session holds who signed in and where; the role is read from the database on every request.
                var subject = context.Principal?.FindFirst("sub")?.Value;
                if (subject is null)
                {
                    context.Fail("The id_token has no subject.");
                    return Task.CompletedTask;
                }

                context.Principal = SessionPrincipal(subject, console.TenantId, console.RealmId);
                return Task.CompletedTask;
            };
        });
        return builder;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/console"), console => console.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Items[PreviewPolicyItem] is string preview)
                {
                    PageHeaders.Apply(context.Response.Headers, preview);
                    context.Response.Headers.XFrameOptions = "SAMEORIGIN";
                }
                else
                {
                    PageHeaders.Apply(context.Response.Headers, ContentSecurityPolicy);
                }

                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next(context);
        }));
        app.MapRazorPages();
        app.MapConsoleAssets();
        return app;
    }

    /// <summary>
    /// Sends this response, a preview the console shows in a sandboxed frame of its own pages, with
    /// <paramref name="contentSecurityPolicy"/> (which must carry <c>sandbox</c> and <c>frame-ancestors 'self'</c>)
    /// instead of the console's policy, and framable by the console only.
    /// </summary>
    public static void ServeFramedPreview(HttpContext context, string contentSecurityPolicy) =>
        context.Items[PreviewPolicyItem] = contentSecurityPolicy;

    /// <summary>The console session's principal: the identity, its tenant and its realm.</summary>
    public static ClaimsPrincipal SessionPrincipal(string identityId, string tenantId, string realmId) =>
        new(new ClaimsIdentity(
            [new Claim(ConsoleSchemes.IdentityClaim, identityId), new Claim(ConsoleSchemes.TenantClaim, tenantId), new Claim(ConsoleSchemes.RealmClaim, realmId)],
            ConsoleSchemes.Cookie, ConsoleSchemes.IdentityClaim, null));

    private static Task SignInFailed(HttpContext context)
    {
        var body = "<article><h1>You are not signed in</h1><p>The sign-in did not complete: it was refused, cancelled, or took too long.</p>" +
            "<p class=\"actions\"><a class=\"button\" href=\"/console/signin\">Try again</a></p></article>";
        return new HtmlPage(StatusCodes.Status400BadRequest, "Sign-in failed · Passbind Console", body).ExecuteAsync(context);
    }

    /// <summary>Signed in, but not an administrator: 403 and a page saying so, for pages and actions alike.</summary>
    private static Task Refuse(HttpContext context)
    {
        var body = "<article><h1>Not allowed</h1><p>Your identity does not hold the console's administrator role. " +
            "An administrator can give it to you in the console.</p></article>";
        return new HtmlPage(StatusCodes.Status403Forbidden, "Not allowed · Passbind Console", body).ExecuteAsync(context);
    }
}
