using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Passbind.Server.Hosting;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// Issues and validates management access tokens: RS256 JWTs carrying Beyond Identity's claims
/// (<c>bi_t</c> tenant, <c>bi_r</c> realm or <c>*</c>, space-separated <c>scope</c>).
/// </summary>
internal sealed class AccessTokens(SigningKeyRing keys, PublicAddresses addresses, TimeProvider time)
{
    public const string Audience = "passbind";
    private const string TenantClaim = "bi_t";
    private const string RealmClaim = "bi_r";
    private const string ScopeClaim = "scope";
    private const string ApplicationClaim = "bi_app";

    /// <summary>The longest token a client may hold: 90 days, Beyond Identity's management token default.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedAccessToken Issue(string tenantId, string realmId, string applicationId, string clientId, string tokenRealm, IReadOnlyCollection<string> scopes, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var issuer = $"{addresses.AuthBaseUrl}/v1/tenants/{tenantId}/realms/{realmId}/applications/{applicationId}";
        var scope = string.Join(' ', scopes);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Current, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = clientId,
                ["jti"] = Guid.NewGuid().ToString("N"),
                ["azp"] = $"tenants/{tenantId}/realms/{realmId}/applications/{applicationId}",
                [TenantClaim] = tenantId,
                [RealmClaim] = tokenRealm,
                [ApplicationClaim] = applicationId,
                [ScopeClaim] = scope,
            },
        };

        return new IssuedAccessToken(Handler.CreateToken(descriptor), (long)lifetime.TotalSeconds, scope, expires);
    }

    /// <summary>Validates a token's signature, audience and lifetime; null when anything is wrong.</summary>
    public async Task<ManagementPrincipal?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (!Handler.CanReadToken(token))
        {
            return null;
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (jwt.Alg != SecurityAlgorithms.RsaSha256 || await keys.FindAsync(jwt.Kid, cancellationToken) is not { } key)
        {
            return null;
        }

        var result = await Handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAudience = Audience,
            ValidateIssuer = false,
            ValidateLifetime = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        if (!result.IsValid)
        {
            return null;
        }

        // Lifetime is checked against the injected clock, so tests can move time.
        var now = time.GetUtcNow().UtcDateTime;
        if (jwt.ValidTo <= now || jwt.ValidFrom > now.AddMinutes(1))
        {
            return null;
        }

        var claims = result.ClaimsIdentity;
        var tenant = claims.FindFirst(TenantClaim)?.Value;
        var realm = claims.FindFirst(RealmClaim)?.Value;
        var application = claims.FindFirst(ApplicationClaim)?.Value;
        var scope = claims.FindFirst(ScopeClaim)?.Value ?? string.Empty;
        return tenant is null || realm is null || application is null
            ? null
            : new ManagementPrincipal(tenant, realm, application, scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
    }
}

internal sealed record IssuedAccessToken(string AccessToken, long ExpiresIn, string Scope, DateTimeOffset ExpireTime);
