using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Passbind.Server.Hosting;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// Issues and validates access tokens: RS256 JWTs (<c>typ</c> <c>at+jwt</c>, RFC 9068) signed with the
/// realm's current key, carrying Beyond Identity's claims (<c>bi_t</c> tenant, <c>bi_r</c> realm or <c>*</c>,
/// space-separated <c>scope</c>) and a <c>jti</c> recorded as an <see cref="IssuedToken"/> so that the token
/// can be introspected and revoked.
/// </summary>
internal sealed class AccessTokens(SigningKeyRing keys, PublicAddresses addresses, TimeProvider time)
{
    public const string Audience = "passbind";
    public const string TokenType = "at+jwt";
    public const string TenantClaim = "bi_t";
    public const string RealmClaim = "bi_r";
    public const string ScopeClaim = "scope";
    public const string ApplicationClaim = "bi_app";

    /// <summary>The longest access token an application may be configured for: 90 days, Beyond Identity's management token default.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    /// <summary>The management application's default lifetime: a day, where Beyond Identity's is 90 days.</summary>
    public static readonly TimeSpan ManagementLifetime = TimeSpan.FromDays(1);

    internal static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Signs a token and adds its record to <paramref name="db"/>; the caller saves.</summary>
    public async Task<IssuedAccessToken> IssueAsync(PassbindDbContext db, AccessTokenRequest request, CancellationToken cancellationToken)
    {
        var application = request.Application;
        var key = await keys.GetSigningKeyAsync(application.TenantId, application.RealmId, cancellationToken);
        var now = time.GetUtcNow();
        var expires = now + request.Lifetime;
        var issuer = Issuers.For(addresses, application);
        var scope = string.Join(' ', request.Scopes);
        var id = NewTokenId();
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = TokenType,
            Issuer = issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SigningKeyRing.Algorithm),
            AdditionalHeaderClaims = new Dictionary<string, object> { ["jku"] = Issuers.KeySetUrl(issuer) },
            Claims = new Dictionary<string, object>
            {
                ["sub"] = request.Subject,
                ["jti"] = id,
                ["azp"] = $"tenants/{application.TenantId}/realms/{application.RealmId}/applications/{application.Id}",
                [TenantClaim] = application.TenantId,
                [RealmClaim] = application.TokenRealm,
                [ApplicationClaim] = application.Id,
                [ScopeClaim] = scope,
            },
        };

        db.IssuedTokens.Add(new IssuedToken
        {
            Id = id,
            TenantId = application.TenantId,
            RealmId = application.RealmId,
            ApplicationId = application.Id,
            Kind = IssuedTokenKinds.Access,
            Subject = request.Subject,
            IdentityId = request.IdentityId,
            GrantId = request.GrantId,
            Scope = scope,
            IssueTime = now,
            ExpireTime = expires,
        });
        return new IssuedAccessToken(Handler.CreateToken(descriptor), id, (long)request.Lifetime.TotalSeconds, scope, expires);
    }

    /// <summary>Checks a token's signature, type, audience and lifetime; null when anything is wrong.</summary>
    public async Task<ValidatedAccessToken?> ValidateAsync(string token, CancellationToken cancellationToken)
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

        if (jwt.Alg != SigningKeyRing.Algorithm || jwt.Typ != TokenType || await keys.FindAsync(jwt.Kid, cancellationToken) is not { } key)
        {
            return null;
        }

        var result = await Handler.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key.Key,
            ValidAudience = Audience,
            ValidateIssuer = false,
            ValidateLifetime = false,
            ValidAlgorithms = [SigningKeyRing.Algorithm],
            ValidTypes = [TokenType],
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
        var subject = jwt.Subject;
        var scope = claims.FindFirst(ScopeClaim)?.Value ?? string.Empty;
        return tenant is null || realm is null || application is null || string.IsNullOrEmpty(jwt.Id) || string.IsNullOrEmpty(subject)
            ? null
            : new ValidatedAccessToken(jwt.Id, key.TenantId, key.RealmId, tenant, realm, application, subject,
                scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>A token id: 128 random bits, hex.</summary>
    public static string NewTokenId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
