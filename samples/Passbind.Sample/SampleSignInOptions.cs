using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Passbind.Sample;

/// <summary>
/// "Sign in" with ASP.NET Core's own OpenID Connect handler, as any app would against any provider: discovery from the
/// application's issuer, the authorization code flow with PKCE, the id_token's claims kept in a cookie. Nothing in it
/// knows Passbind; the passkey part happens on the sample's <c>/bi-authenticate</c> page, where <c>authorize</c> sends
/// the browser.
/// </summary>
internal static class SampleSignInOptions
{
    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "passbind-sample";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(1);
        options.SlidingExpiration = false;
    }

    public static void Configure(OpenIdConnectOptions options, SampleSignIn signIn)
    {
        options.Authority = signIn.Issuer.ToString();
        options.ClientId = signIn.ClientId;

        // A public client: no secret; the code is bound to this browser's PKCE verifier instead.
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;

        // Passbind returns the code in the redirect URL's query, as Beyond Identity does (the handler's default is
        // form_post). The callback is then a same-site top-level GET, so the handler's correlation and nonce cookies
        // can be SameSite=Lax, which a browser keeps on plain-HTTP localhost too (SameSite=None needs Secure).
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.DisableTelemetry = true;
        options.Scope.Clear();
        options.Scope.Add("openid");
        options.Scope.Add("profile");
        options.Scope.Add("email");

        // The development server speaks plain HTTP on localhost; anything else must be HTTPS.
        options.RequireHttpsMetadata = signIn.Issuer.Scheme == Uri.UriSchemeHttps || !signIn.Issuer.IsLoopback;

        // Keep every claim of the id_token under its own name (iss, sub, aud, amr, auth_time, …), to show them as they
        // are; only the nonce, spent once the handler has checked it, is dropped.
        options.MapInboundClaims = false;
        options.TokenValidationParameters.NameClaimType = "preferred_username";
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;
        options.ClaimActions.Clear();
        options.ClaimActions.DeleteClaim("nonce");

        options.Events.OnRemoteFailure = context =>
        {
            // An error the provider sent back (access_denied, …) or a failed code exchange: say so on the home page
            // rather than with an exception page.
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Passbind.Sample");
            Log.SignInFailed(logger, context.Failure?.Message ?? "unknown");
            context.Response.Redirect("/?signin=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}
