using System.Collections.Concurrent;

namespace Passbind.Sdk.Tests.Fakes;

/// <summary>An <see cref="IPasskeyStore"/> in memory, to show the replacement hook is honoured.</summary>
internal sealed class InMemoryPasskeyStore : IPasskeyStore
{
    public ConcurrentDictionary<string, (StoredPasskey Passkey, byte[] Key)> Entries { get; } = new();

    public ConcurrentDictionary<string, uint> SignCounts { get; } = new();

    public Task<IReadOnlyList<StoredPasskey>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredPasskey>>(Entries.Values.Select(e => e.Passkey).ToList());

    public Task SaveAsync(StoredPasskey passkey, ReadOnlyMemory<byte> privateKey, CancellationToken cancellationToken = default)
    {
        Entries[passkey.Passkey.Id] = (passkey, privateKey.ToArray());
        return Task.CompletedTask;
    }

    public Task<byte[]?> GetPrivateKeyAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Entries.TryGetValue(id, out var entry) ? entry.Key.ToArray() : null);

    public Task<uint> NextSignCountAsync(string id, CancellationToken cancellationToken = default) =>
        Entries.ContainsKey(id)
            ? Task.FromResult(SignCounts.AddOrUpdate(id, 1, (_, count) => count + 1))
            : throw new PassbindException(PassbindErrorCodes.PasskeyNotFound, "no such passkey");

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        Entries.TryRemove(id, out _);
        return Task.CompletedTask;
    }
}
