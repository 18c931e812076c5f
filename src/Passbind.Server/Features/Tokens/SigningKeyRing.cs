using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Passbind.Core.Identifiers;
using Passbind.Server.Secrets;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// The keys that sign access tokens. Created once and stored sealed in the database, so tokens survive
/// restarts and every node of a cluster verifies every other node's tokens.
/// </summary>
internal sealed class SigningKeyRing(IServiceScopeFactory scopes, MasterKey masterKey, TimeProvider time) : IDisposable
{
    private const string Algorithm = SecurityAlgorithms.RsaSha256;
    private const string SealPurpose = "signing-key";
    private volatile List<RsaSecurityKey> _keys = [];
    private readonly SemaphoreSlim _reload = new(1, 1);
    private DateTimeOffset _lastReload = DateTimeOffset.MinValue;

    /// <summary>Unknown key ids trigger a reload at most this often, so forged tokens cannot hammer the database.</summary>
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(10);

    /// <summary>The newest key: the one that signs.</summary>
    public RsaSecurityKey Current => _keys.Count > 0 ? _keys[0] : throw new InvalidOperationException("The signing key ring is not loaded.");

    public IReadOnlyList<RsaSecurityKey> All => _keys;

    /// <summary>Loads the keys, creating the first one on an empty database.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        if (_keys.Count > 0)
        {
            return;
        }

        using var rsa = RSA.Create(2048);
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            db.SigningKeys.Add(new SigningKey
            {
                Id = ResourceId.NewHexId(),
                Algorithm = Algorithm,
                SealedPrivateKey = masterKey.Seal(rsa.ExportPkcs8PrivateKey(), SealPurpose),
                CreateTime = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await ReloadAsync(cancellationToken);
    }

    /// <summary>Finds a key by id, reloading once if another node created one this node has not seen.</summary>
    public async ValueTask<RsaSecurityKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var key = _keys.FirstOrDefault(k => k.KeyId == keyId);
        if (key is null && time.GetUtcNow() - _lastReload > ReloadInterval)
        {
            await ReloadAsync(cancellationToken);
            key = _keys.FirstOrDefault(k => k.KeyId == keyId);
        }

        return key;
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            var stored = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
            _keys = stored
                .OrderByDescending(k => k.CreateTime)
                .Select(Open)
                .ToList();
            _lastReload = time.GetUtcNow();
        }
        finally
        {
            _reload.Release();
        }
    }

    private RsaSecurityKey Open(SigningKey stored)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(masterKey.Unseal(stored.SealedPrivateKey, SealPurpose), out _);
        return new RsaSecurityKey(rsa) { KeyId = stored.Id };
    }

    public void Dispose() => _reload.Dispose();
}
