using System.Collections.Concurrent;
using Passbind.Sdk;

namespace Passbind.Bench.Api;

/// <summary>
/// The SDK's <see cref="IPasskeyStore"/> in memory: the driver binds thousands of passkeys it never uses again,
/// so it keeps only their count, and the device-side cost measured is the SDK's own protocol and authenticator.
/// </summary>
internal sealed class InMemoryPasskeyStore : IPasskeyStore
{
    private readonly ConcurrentDictionary<string, StoredPasskey> _passkeys = new();

    public int Count => _passkeys.Count;

    public Task<IReadOnlyList<StoredPasskey>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredPasskey>>([]);

    public Task SaveAsync(StoredPasskey passkey, ReadOnlyMemory<byte> privateKey, CancellationToken cancellationToken = default)
    {
        _passkeys[passkey.Passkey.Id] = passkey;
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetPrivateKeyAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult<byte[]?>(null);

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        _passkeys.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}
