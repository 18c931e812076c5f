using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.Tokens;
using Passbind.Server.Http;

namespace Passbind.Server.Authorization;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c> on the management API (RFC 6750 §2.1 only: a token in the
/// query string or a form field is never read). The token must verify and its issued-token record must be
/// active and say it speaks for an application, not a signed-in user: an identity's access token never reaches
/// the management API. Failures answer 401 with <c>WWW-Authenticate: Bearer</c>.
/// </summary>
internal sealed class ManagementTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokens tokens,
    ActiveTokens activeTokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Longer headers are not tokens we issued; refusing them early bounds the work.</summary>
    private const int MaxTokenLength = 8 * 1024;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("not a bearer token");
        }

        var token = header["Bearer ".Length..];
        if (token.Length is 0 or > MaxTokenLength || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return AuthenticateResult.Fail("malformed token");
        }

        var validated = await tokens.ValidateAsync(token, Context.RequestAborted);
        if (validated is null)
        {
            return AuthenticateResult.Fail("invalid token");
        }

        var record = await activeTokens.FindActiveAsync(validated.Id, Context.RequestAborted);
        if (record is null
            || record.Kind != IssuedTokenKinds.Access
            || record.IdentityId is not null
            || record.TenantId != validated.TenantId
            || record.TenantId != validated.KeyTenantId
            || record.RealmId != validated.KeyRealmId
            || record.ApplicationId != validated.ApplicationId)
        {
            return AuthenticateResult.Fail("inactive token");
        }

        var principal = new ManagementPrincipal(validated.TenantId, validated.TokenRealm, validated.ApplicationId, validated.Scopes);

        Context.Features.Set(principal);
        var identity = new ClaimsIdentity([new Claim("bi_t", principal.TenantId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiError.Unauthorized().ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiError.Forbidden().ExecuteAsync(Context);
}
