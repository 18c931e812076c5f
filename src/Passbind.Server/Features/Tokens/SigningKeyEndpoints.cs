using Microsoft.AspNetCore.Http.HttpResults;
using Passbind.Server.Authorization;
using Passbind.Server.Http;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// The realm's signing keys, which sign every token of its applications: listed, and rotated. A rotation
/// makes a new key the signing one at once; the previous keys stay in every application's JWKS and keep
/// verifying for <see cref="TokenOptions.SigningKeyOverlap"/>, then disappear.
/// </summary>
internal static class SigningKeyEndpoints
{
    public static RouteGroupBuilder MapSigningKeyEndpoints(this RouteGroupBuilder realm)
    {
        realm.MapGet("/signing-keys", ListAsync).RequiresScope(Scopes.RealmsRead).WithTags("Signing keys")
            .WithSummary("List the realm's signing keys that still verify");
        realm.MapPost("/signing-keys:rotate", RotateAsync).RequiresScope(Scopes.RealmsUpdate).WithTags("Signing keys")
            .WithSummary("Rotate the realm's signing key");
        return realm;
    }

    internal static async Task<Results<Ok<SigningKeyListResponse>, ApiError>> ListAsync(
        string tenant_id, string realm_id, SigningKeyRing keys, CancellationToken cancellationToken)
    {
        var verifying = await keys.GetVerificationKeysAsync(tenant_id, realm_id, cancellationToken);
        return TypedResults.Ok(new SigningKeyListResponse(verifying.Select(ToResponse).ToList()));
    }

    internal static async Task<Results<Ok<SigningKeyListResponse>, ApiError>> RotateAsync(
        string tenant_id, string realm_id, SigningKeyRing keys, ILogger<SigningKeyResponse> logger, CancellationToken cancellationToken)
    {
        var current = await keys.RotateAsync(tenant_id, realm_id, cancellationToken);
        TokenLog.SigningKeyRotated(logger, realm_id, current.Id);
        var verifying = await keys.GetVerificationKeysAsync(tenant_id, realm_id, cancellationToken);
        return TypedResults.Ok(new SigningKeyListResponse(verifying.Select(ToResponse).ToList()));
    }

    private static SigningKeyResponse ToResponse(RealmSigningKey key) =>
        new(key.Id, SigningKeyRing.Algorithm, key.IsCurrent ? "ACTIVE" : "RETIRING", key.CreateTime, key.ExpireTime);
}
