using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Features.Identities;
using Passbind.Server.Authorization;
using Passbind.Server.Http;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Credentials;

/// <summary>
/// The passkeys bound to identities, server side: list, get and revoke. A missing identity answers 404 for
/// the Identity, a missing credential of an existing identity 404 for the Credential.
/// </summary>
internal static class CredentialEndpoints
{
    private const string ResourceType = "Credential";

    /// <summary>The AIP-159 wildcard: <c>identities/-/credentials</c> lists every identity's credentials in the realm.</summary>
    private const string AnyIdentity = "-";

    /// <summary>Every registration, from a platform authenticator or a software passkey, is a WebAuthn one.</summary>

    public static RouteGroupBuilder MapCredentialEndpoints(this RouteGroupBuilder realm)
    {
        var credentials = realm.MapGroup("/identities/{identity_id}/credentials").WithTags("Credentials");
        credentials.MapGet("", ListAsync).RequiresScope(Scopes.CredentialsRead).WithSummary("List an identity's credentials (identity_id '-' for every identity)");
        credentials.MapGet("/{credential_id}", GetAsync).RequiresScope(Scopes.CredentialsRead).WithSummary("Get a credential");

        // AIP-136 custom method: the literal ":revoke" follows the parameter in the same segment; the route
        // matcher takes the literal from the end, so credential_id never includes it.
        credentials.MapPost("/{credential_id}:revoke", RevokeAsync).RequiresScope(Scopes.CredentialsRevoke).WithSummary("Revoke a credential");
        return realm;
    }

    internal static async Task<Results<Ok<CredentialListResponse>, ApiError>> ListAsync(
        string tenant_id, string realm_id, string identity_id, HttpRequest request, PassbindDbContext db, PageTokens pageTokens, TimeProvider time, CancellationToken cancellationToken)
    {
        if (PageRequest.TryRead(request, $"credentials/{tenant_id}/{realm_id}/{identity_id}", PageLimits.Large, pageTokens, out var page) is { } error)
        {
            return error;
        }

        if (page.Filter is not null)
        {
            return ApiError.InvalidField("filter", "credentials cannot be filtered");
        }

        var matches = db.Credentials.Where(c => c.TenantId == tenant_id && c.RealmId == realm_id);
        if (identity_id != AnyIdentity)
        {
            if (!await db.IdentityExistsAsync(tenant_id, realm_id, identity_id, cancellationToken))
            {
                return ApiError.NotFound("Identity", identity_id);
            }

            matches = matches.Where(c => c.IdentityId == identity_id);
        }

        var found = await matches.ToPageAsync(page, pageTokens, time, cancellationToken);
        return TypedResults.Ok(new CredentialListResponse(found.Items.Select(CredentialResponse.From).ToList(), found.TotalSize, found.NextPageToken));
    }

    internal static async Task<Results<Ok<CredentialResponse>, ApiError>> GetAsync(
        string tenant_id, string realm_id, string identity_id, string credential_id, PassbindDbContext db, CancellationToken cancellationToken)
    {
        var credential = await FindAsync(db, tenant_id, realm_id, identity_id, credential_id, cancellationToken);
        return credential is null
            ? await NotFoundAsync(db, tenant_id, realm_id, identity_id, credential_id, cancellationToken)
            : TypedResults.Ok(CredentialResponse.From(credential));
    }

    /// <remarks>
    /// Revokes an active credential. Revoking one that is already revoked answers 200 with it unchanged
    /// (the spec leaves this open): the caller's intent holds either way, and retries stay safe.
    /// </remarks>
    internal static async Task<Results<Ok<CredentialResponse>, ApiError>> RevokeAsync(
        string tenant_id, string realm_id, string identity_id, string credential_id, PassbindDbContext db, TimeProvider time, ILogger<CredentialResponse> logger, CancellationToken cancellationToken)
    {
        // One conditional UPDATE: of racing revokes exactly one changes the row (and logs), on every provider.
        var now = time.GetUtcNow();
        var revoked = await Matching(db, tenant_id, realm_id, identity_id, credential_id)
            .Where(c => c.State == CredentialStates.Active)
            .ExecuteUpdateAsync(setters => setters
                .SetProperty(c => c.State, CredentialStates.Revoked)
                .SetProperty(c => c.UpdateTime, now), cancellationToken);
        if (revoked > 0)
        {
            Log.CredentialRevoked(logger, credential_id, identity_id);
        }

        var credential = await FindAsync(db, tenant_id, realm_id, identity_id, credential_id, cancellationToken);
        return credential is null
            ? await NotFoundAsync(db, tenant_id, realm_id, identity_id, credential_id, cancellationToken)
            : TypedResults.Ok(CredentialResponse.From(credential));
    }

    private static IQueryable<Credential> Matching(PassbindDbContext db, string tenantId, string realmId, string identityId, string credentialId) =>
        db.Credentials.Where(c => c.Id == credentialId && c.IdentityId == identityId && c.TenantId == tenantId && c.RealmId == realmId);

    private static Task<Credential?> FindAsync(
        PassbindDbContext db, string tenantId, string realmId, string identityId, string credentialId, CancellationToken cancellationToken) =>
        Matching(db, tenantId, realmId, identityId, credentialId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    /// <summary>Names what is missing: the identity when it does not exist, else the credential.</summary>
    private static async Task<ApiError> NotFoundAsync(
        PassbindDbContext db, string tenantId, string realmId, string identityId, string credentialId, CancellationToken cancellationToken) =>
        await db.IdentityExistsAsync(tenantId, realmId, identityId, cancellationToken)
            ? ApiError.NotFound(ResourceType, credentialId)
            : ApiError.NotFound("Identity", identityId);
}
