using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Passbind.Core.Identifiers;
using Passbind.Server.Secrets;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// The keys that sign each realm's tokens, stored sealed in the database so that tokens survive restarts and
/// every node verifies every other node's tokens. A realm gets its first key when it first signs; a rotation
/// adds a new key that signs from then on and leaves the old ones verifying for
/// <see cref="TokenOptions.SigningKeyOverlap"/>.
/// </summary>
internal sealed class SigningKeyRing(IServiceScopeFactory scopes, MasterKey masterKey, TimeProvider time, IOptions<TokenOptions> options) : IDisposable
{
    private const string SealPurpose = "signing-key";

    /// <summary>Unknown key ids trigger a reload at most this often, so forged tokens cannot hammer the database.</summary>
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(10);

    /// <summary>How stale this node's view of which key signs may grow: another node's rotation is seen within it.</summary>
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile IReadOnlyList<RealmSigningKey> _keys = [];
    private DateTimeOffset _lastReload = DateTimeOffset.MinValue;

    public const string Algorithm = SecurityAlgorithms.RsaSha256;

    public Task InitializeAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    /// <summary>The key that signs the realm's tokens now, made on the realm's first use.</summary>
    public async ValueTask<RealmSigningKey> GetSigningKeyAsync(string tenantId, string realmId, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _lastReload > RefreshInterval)
        {
            await ReloadAsync(cancellationToken);
        }

        return Current(tenantId, realmId) ?? await CreateFirstAsync(tenantId, realmId, cancellationToken);
    }

    /// <summary>Every key of the realm that still verifies, newest first: what its JWKS serves.</summary>
    public async ValueTask<IReadOnlyList<RealmSigningKey>> GetVerificationKeysAsync(string tenantId, string realmId, CancellationToken cancellationToken)
    {
        await GetSigningKeyAsync(tenantId, realmId, cancellationToken);
        var now = time.GetUtcNow();
        return _keys.Where(k => k.TenantId == tenantId && k.RealmId == realmId && k.VerifiesAt(now)).ToList();
    }

    /// <summary>A key that still verifies, by id; reloads once if another node made one this node has not seen.</summary>
    public async ValueTask<RealmSigningKey?> FindAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(keyId))
        {
            return null;
        }

        var key = _keys.FirstOrDefault(k => k.Id == keyId);
        if (key is null && time.GetUtcNow() - _lastReload > ReloadInterval)
        {
            await ReloadAsync(cancellationToken);
            key = _keys.FirstOrDefault(k => k.Id == keyId);
        }

        return key is not null && key.VerifiesAt(time.GetUtcNow()) ? key : null;
    }

    /// <summary>
    /// Makes a new key the realm's signing key. Older keys that still verify keep verifying for the overlap
    /// (or less, if they were already due to end sooner).
    /// </summary>
    public async Task<RealmSigningKey> RotateAsync(string tenantId, string realmId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var retireAt = now + options.Value.SigningKeyOverlap;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            await db.SigningKeys
                .Where(k => k.TenantId == tenantId && k.RealmId == realmId && (k.ExpireTime == null || k.ExpireTime > retireAt))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.ExpireTime, retireAt), cancellationToken);
            db.SigningKeys.Add(NewKey(tenantId, realmId, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        await ReloadAsync(cancellationToken);
        return Current(tenantId, realmId)!;
    }

    private RealmSigningKey? Current(string tenantId, string realmId) =>
        _keys.FirstOrDefault(k => k.TenantId == tenantId && k.RealmId == realmId && k.IsCurrent);

    private async Task<RealmSigningKey> CreateFirstAsync(string tenantId, string realmId, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();

            // Another request of this node, or another node, may have made it meanwhile. Two nodes racing both
            // add one: the newer signs and both verify, which is harmless.
            var exists = await db.SigningKeys.AnyAsync(k => k.TenantId == tenantId && k.RealmId == realmId && k.ExpireTime == null, cancellationToken);
            if (!exists)
            {
                db.SigningKeys.Add(NewKey(tenantId, realmId, time.GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
            }

            await LoadAsync(db, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }

        return Current(tenantId, realmId) ?? throw new InvalidOperationException($"Realm {realmId} has no signing key.");
    }

    private SigningKey NewKey(string tenantId, string realmId, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        return new SigningKey
        {
            Id = ResourceId.NewHexId(),
            TenantId = tenantId,
            RealmId = realmId,
            Algorithm = Algorithm,
            SealedPrivateKey = masterKey.Seal(rsa.ExportPkcs8PrivateKey(), SealPurpose),
            CreateTime = now,
        };
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            await LoadAsync(scope.ServiceProvider.GetRequiredService<PassbindDbContext>(), cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Reads every realm key; only keys not held yet are unsealed. Keys from before keys were per realm (no
    /// realm) signed tokens that no longer pass the issued-token check, so they are not loaded.
    /// </summary>
    private async Task LoadAsync(PassbindDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.SigningKeys.AsNoTracking()
            .Where(k => k.TenantId != null && k.RealmId != null)
            .ToListAsync(cancellationToken);
        var held = _keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        _keys = stored
            .Select(k => held.TryGetValue(k.Id, out var open) ? open with { ExpireTime = k.ExpireTime } : Open(k))
            .OrderByDescending(k => k.CreateTime)
            .ToList();
        _lastReload = time.GetUtcNow();
    }

    private RealmSigningKey Open(SigningKey stored)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(masterKey.Unseal(stored.SealedPrivateKey, SealPurpose), out _);
        return new RealmSigningKey(stored.TenantId!, stored.RealmId!, new RsaSecurityKey(rsa) { KeyId = stored.Id }, stored.CreateTime, stored.ExpireTime);
    }

    public void Dispose() => _lock.Dispose();
}
