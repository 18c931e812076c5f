using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Passbind.Server.Features.Applications;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Features.Tokens.Grants;
using Passbind.Server.Hosting;
using Passbind.Server.Http;
using Passbind.Storage;

namespace Passbind.Server.Features.Oidc;

/// <summary>
/// What an application publishes under its issuer besides <c>authorize</c> and <c>token</c>: its discovery
/// document, its keys, userinfo, token introspection (RFC 7662) and revocation (RFC 7009); and the realm's
/// introspection endpoint of Beyond Identity's API.
/// </summary>
internal static class OidcEndpoints
{
    private const string RealmPath = "/v1/tenants/{tenant_id}/realms/{realm_id}";

    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        var issuer = app.MapGroup(Issuers.ApplicationPath).WithTags("OpenID Connect").AllowAnonymous();
        issuer.MapGet("/.well-known/openid-configuration", GetDiscoveryAsync).WithSummary("The application's OpenID Provider metadata");
        issuer.MapGet("/.well-known/jwks.json", GetKeySetAsync).WithSummary("The keys that verify the application's tokens");
        issuer.MapGet("/userinfo", GetUserInfoAsync).WithSummary("Claims about the signed-in user (OIDC Core §5.3)");
        issuer.MapPost("/userinfo", GetUserInfoAsync).DisableAntiforgery().WithSummary("Claims about the signed-in user (OIDC Core §5.3)");
        issuer.MapPost("/introspect", IntrospectAsync).DisableAntiforgery().WithSummary("Token introspection (RFC 7662)");
        issuer.MapPost("/revoke", RevokeAsync).DisableAntiforgery().WithSummary("Token revocation (RFC 7009)");
        app.MapPost($"{RealmPath}/introspect", IntrospectInRealmAsync).DisableAntiforgery().AllowAnonymous()
            .WithTags("OpenID Connect").WithSummary("Token introspection (RFC 7662) for any application of the realm");
        return app;
    }

    internal static async Task<Results<Ok<DiscoveryDocument>, ApiError>> GetDiscoveryAsync(
        string tenant_id, string realm_id, string application_id, PassbindDbContext db, PublicAddresses addresses, CancellationToken cancellationToken)
    {
        var application = await ApplicationEndpoints.FindAsync(db, tenant_id, realm_id, application_id, cancellationToken);
        if (application is null)
        {
            return ApiError.RouteNotFound();
        }

        var settings = ApplicationSettings.Of(application);
        var issuer = Issuers.For(addresses, application);
        var refresh = settings.GrantTypes.Contains(ApplicationValues.RefreshTokenGrant);
        var clientAuth = settings.Confidentiality == ApplicationValues.Public
            ? new[] { ApplicationValues.AuthMethodNone }
            : [ApplicationValues.ClientSecretBasic, ApplicationValues.ClientSecretPost];
        var scopes = OidcScopes.Standard.Where(s => refresh || s != OidcScopes.OfflineAccess).Concat(settings.AllowedScopes).Distinct().ToList();
        return TypedResults.Ok(new DiscoveryDocument(
            issuer,
            $"{issuer}/authorize",
            $"{issuer}/token",
            $"{issuer}/userinfo",
            Issuers.KeySetUrl(issuer),
            $"{issuer}/introspect",
            $"{issuer}/revoke",
            ["code"],
            ["query"],
            settings.GrantTypes,
            [PkceMethods.S256, PkceMethods.Plain],
            ["public"],
            [ApplicationValues.Rs256],
            clientAuth,
            clientAuth,
            clientAuth,
            scopes,
            OidcScopes.Claims,
            AuthorizationResponseIssParameterSupported: true));
    }

    internal static async Task<Results<Ok<JsonWebKeySetResponse>, ApiError>> GetKeySetAsync(
        string tenant_id, string realm_id, string application_id, PassbindDbContext db, SigningKeyRing keys, CancellationToken cancellationToken)
    {
        var exists = await db.Applications.AnyAsync(a => a.Id == application_id && a.TenantId == tenant_id && a.RealmId == realm_id, cancellationToken);
        if (!exists)
        {
            return ApiError.RouteNotFound();
        }

        var verifying = await keys.GetVerificationKeysAsync(tenant_id, realm_id, cancellationToken);
        return TypedResults.Ok(new JsonWebKeySetResponse(verifying.Select(key =>
        {
            var parameters = key.Key.Rsa.ExportParameters(includePrivateParameters: false);
            return new JsonWebKeyResponse("RSA", key.Id, "sig", SigningKeyRing.Algorithm,
                Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent));
        }).ToList()));
    }

    /// <summary>
    /// The bearer must be an active access token of this application that speaks for an identity and holds
    /// <c>openid</c>; the answer is <c>sub</c> and the claims of the token's scopes.
    /// </summary>
    internal static async Task<Results<Ok<Dictionary<string, object>>, OAuthError>> GetUserInfoAsync(
        string tenant_id, string realm_id, string application_id, HttpRequest request, PassbindDbContext db, PresentedTokens presented,
        CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
        {
            return OAuthError.InvalidToken();
        }

        var record = await presented.FindAsync(header.Parameter, cancellationToken);
        if (record is not { Active: true, Kind: IssuedTokenKinds.Access, IdentityId: { } identityId }
            || record.ApplicationId != application_id || record.TenantId != tenant_id || record.RealmId != realm_id)
        {
            return OAuthError.InvalidToken();
        }

        var scopes = RequestedScopes.Parse(record.Scope);
        if (!scopes.Contains(OidcScopes.OpenId))
        {
            return OAuthError.InsufficientScope(OidcScopes.OpenId);
        }

        var application = await ApplicationEndpoints.FindAsync(db, tenant_id, realm_id, application_id, cancellationToken);
        var identity = application is null ? null : await SignedInIdentity.FindActiveAsync(db, application, identityId, cancellationToken);
        return identity is null ? OAuthError.InvalidToken() : TypedResults.Ok(IdentityClaims.For(identity, record.Subject, scopes));
    }

    internal static Task<Results<Ok<IntrospectionResponse>, OAuthError>> IntrospectAsync(
        string tenant_id, string realm_id, string application_id, HttpRequest request, ClientAuthenticator clients, PresentedTokens presented,
        PublicAddresses addresses, PassbindDbContext db, CancellationToken cancellationToken) =>
        IntrospectCoreAsync(tenant_id, realm_id, application_id, request, clients, presented, addresses, db, cancellationToken);

    /// <summary>Beyond Identity's realm-level endpoint: the client is found by its client_id among the realm's applications.</summary>
    internal static async Task<Results<Ok<IntrospectionResponse>, OAuthError>> IntrospectInRealmAsync(
        string tenant_id, string realm_id, HttpRequest request, ClientAuthenticator clients, PresentedTokens presented,
        PublicAddresses addresses, PassbindDbContext db, CancellationToken cancellationToken)
    {
        var form = await OAuthForm.ReadAsync(request, cancellationToken);
        var credentials = form is null ? null : ClientCredentials.Read(request, form);
        var applicationId = credentials is null
            ? null
            : await db.Applications.Where(a => a.ClientId == credentials.ClientId && a.TenantId == tenant_id && a.RealmId == realm_id)
                .Select(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        return await IntrospectCoreAsync(tenant_id, realm_id, applicationId ?? string.Empty, request, clients, presented, addresses, db, cancellationToken);
    }

    /// <summary>
    /// Revokes a token of the authenticated client: an access token alone, a refresh token with its whole
    /// family (RFC 7009 §2.1). Answers 200 for any well-formed request, whether or not the token was known.
    /// </summary>
    internal static async Task<Results<Ok, OAuthError>> RevokeAsync(
        string tenant_id, string realm_id, string application_id, HttpRequest request, ClientAuthenticator clients, PresentedTokens presented,
        PassbindDbContext db, TokenRevocation revocation, ActiveTokens activeTokens, TimeProvider time, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var (form, error) = await ReadClientRequestAsync(tenant_id, realm_id, application_id, request, clients, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var record = await presented.FindAsync(form!["token"].ToString(), cancellationToken);
        if (record is null || record.ApplicationId != application_id)
        {
            return TypedResults.Ok();
        }

        if (record.Kind == IssuedTokenKinds.Refresh)
        {
            await revocation.RevokeFamilyAsync(record.GrantId, cancellationToken);
        }
        else
        {
            var now = time.GetUtcNow();
            await db.IssuedTokens.Where(t => t.Id == record.Id && t.RevokeTime == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokeTime, now), cancellationToken);
            activeTokens.Forget();
        }

        return TypedResults.Ok();
    }

    private static async Task<Results<Ok<IntrospectionResponse>, OAuthError>> IntrospectCoreAsync(
        string tenantId, string realmId, string applicationId, HttpRequest request, ClientAuthenticator clients, PresentedTokens presented,
        PublicAddresses addresses, PassbindDbContext db, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var (form, error) = await ReadClientRequestAsync(tenantId, realmId, applicationId, request, clients, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var record = await presented.FindAsync(form!["token"].ToString(), cancellationToken);
        if (record is not { Active: true } || record.ApplicationId != applicationId)
        {
            return TypedResults.Ok(IntrospectionResponse.Inactive);
        }

        var tokenRealm = await db.Applications.Where(a => a.Id == record.ApplicationId).Select(a => a.TokenRealm).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new IntrospectionResponse(
            true,
            Issuers.For(addresses, record.TenantId, record.RealmId, record.ApplicationId),
            record.Subject,
            record.ClientId,
            record.Kind == IssuedTokenKinds.Refresh ? "refresh_token" : "Bearer",
            record.Scope,
            record.ExpireTime.ToUnixTimeSeconds(),
            record.IssueTime.ToUnixTimeSeconds(),
            record.Kind == IssuedTokenKinds.Access ? record.Id : null,
            $"tenants/{record.TenantId}/realms/{record.RealmId}/applications/{record.ApplicationId}",
            record.TenantId,
            tokenRealm));
    }

    /// <summary>The form of an introspection or revocation request after its client authenticated, or the error to answer.</summary>
    private static async Task<(IFormCollection? Form, OAuthError? Error)> ReadClientRequestAsync(
        string tenantId, string realmId, string applicationId, HttpRequest request, ClientAuthenticator clients, CancellationToken cancellationToken)
    {
        var form = await OAuthForm.ReadAsync(request, cancellationToken);
        if (form is null)
        {
            return (null, OAuthError.InvalidRequest("the body must be application/x-www-form-urlencoded"));
        }

        var credentials = ClientCredentials.Read(request, form);
        var application = credentials is null
            ? null
            : await clients.AuthenticateAsync(tenantId, realmId, applicationId, credentials, cancellationToken);
        if (application is null)
        {
            return (null, OAuthError.InvalidClient(request.Headers.Authorization.Count > 0));
        }

        return form["token"].ToString().Length == 0
            ? (null, OAuthError.InvalidRequest("token is required"))
            : (form, null);
    }
}
