using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Passbind.Client;

namespace Passbind.Sample;

/// <summary>
/// The sample's backend: the seed's "Create an identity and get passkey binding URL" example, with the typed client,
/// and sign-in with ASP.NET Core's OpenID Connect handler.
/// </summary>
internal static class SampleEndpoints
{
    public static IEndpointRouteBuilder MapSampleEndpoints(this IEndpointRouteBuilder app, PassbindClient client, SampleSettings settings, SamplePages pages)
    {
        app.MapGet("/", (HttpContext context) => pages.Page(context, "index"));
        app.MapGet("/bind", (HttpContext context) => pages.Page(context, "bind"));
        app.MapGet("/passkeys", (HttpContext context) => pages.Page(context, "passkeys"));

        // Sign-in: /signin starts the OIDC flow; authorize sends the browser to /bi-authenticate, where the browser SDK
        // proves the passkey; the handler takes the code at /signin-oidc and lands on /me.
        app.MapGet("/signin", () => Results.Challenge(
            new AuthenticationProperties { RedirectUri = "/me" }, [OpenIdConnectDefaults.AuthenticationScheme]));
        app.MapGet("/bi-authenticate", (HttpContext context) => pages.Page(context, "authenticate"));
        app.MapGet("/me", (HttpContext context) => pages.Page(context, "me")).RequireAuthorization();
        app.MapGet("/api/me", (ClaimsPrincipal user) => Results.Ok(new SignedInUser(
            user.Claims.Select(c => new SignedInClaim(c.Type, c.Value)).ToList()))).RequireAuthorization();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/");
        });
        app.MapGet("/assets/{file}", (HttpContext context, string file) => pages.Asset(context, file));
        app.MapPost("/api/credential-binding-link", (CreateCredentialBindingLinkRequest request, ILogger<SampleSettings> logger, CancellationToken cancellationToken) =>
            CreateCredentialBindingLinkAsync(request, client, settings, logger, cancellationToken));
        return app;
    }

    /// <summary>
    /// Step 1 creates the identity, step 2 a RETURN binding job for it; the answer is the job's JSON, whose
    /// <c>credential_binding_link</c> the page hands to <c>bindPasskey</c>. As in the seed, a failed call answers 400
    /// with the server's error.
    /// </summary>
    internal static async Task<IResult> CreateCredentialBindingLinkAsync(
        CreateCredentialBindingLinkRequest request, PassbindClient client, SampleSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var username = request.Username?.Trim();
        if (string.IsNullOrEmpty(username))
        {
            return Results.BadRequest(new ErrorAnswer("bad_request", "Type a username.", []));
        }

        try
        {
            // Step 1. Create an identity
            var identity = await client.Identities.CreateAsync(
                new CreateIdentityRequest
                {
                    DisplayName = username,
                    Traits = new IdentityTraits
                    {
                        Username = username,
                        PrimaryEmailAddress = $"{username}@example.com",
                    },
                },
                cancellationToken);

            // Step 2. Get passkey binding link for identity
            var response = await client.CredentialBindingJobs.CreateAsync(
                identity.Id,
                new CreateCredentialBindingJobRequest
                {
                    DeliveryMethod = DeliveryMethods.Return,
                    AuthenticatorConfigId = settings.AuthenticatorConfigId,
                    PostBindingRedirectUri = settings.PostBindingRedirectUri,
                },
                cancellationToken);

            return Results.Ok(response);
        }
        catch (PassbindApiException ex)
        {
            Log.LinkFailed(logger, username, ex.Code);
            return Results.BadRequest(new ErrorAnswer(ex.Code ?? "bad_request", ex.Message, ex.Details));
        }
    }
}
