using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Passbind.Sdk;

namespace Passbind.Bench.Api;

/// <summary>
/// The SDK's <see cref="IPasskeyStore"/> in memory, keeping what a sign-in needs: the few passkeys the sign-in scenario
/// binds before its clock starts, their private keys and their signature counters. The device-side cost measured is
/// the SDK's own protocol and assertion, not a file store's.
/// </summary>
internal sealed class SigningPasskeyStore : IPasskeyStore
{
    private readonly ConcurrentDictionary<string, (StoredPasskey Passkey, byte[] PrivateKey)> _passkeys = new();
    private readonly ConcurrentDictionary<string, StrongBox<uint>> _counters = new();

    public Task<IReadOnlyList<StoredPasskey>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredPasskey>>([.. _passkeys.Values.Select(p => p.Passkey)]);

    public Task SaveAsync(StoredPasskey passkey, ReadOnlyMemory<byte> privateKey, CancellationToken cancellationToken = default)
    {
        _passkeys[passkey.Passkey.Id] = (passkey, privateKey.ToArray());
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetPrivateKeyAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_passkeys.TryGetValue(id, out var entry) ? (byte[]?)entry.PrivateKey.ToArray() : null);

    /// <summary>Each passkey's counter rises by one per assertion, atomically, as the interface requires.</summary>
    public Task<uint> NextSignCountAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!_passkeys.ContainsKey(id))
        {
            throw new PassbindException(PassbindErrorCodes.PasskeyNotFound, "No such passkey in the bench's store.");
        }

        var counter = _counters.GetOrAdd(id, _ => new StrongBox<uint>());
        return Task.FromResult(Interlocked.Increment(ref counter.Value));
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        _passkeys.TryRemove(id, out _);
        _counters.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}
