using Passbind.Sdk;

namespace Passbind.Bench.Micro;

/// <summary>A store that keeps nothing: the parser benchmarks never bind.</summary>
internal sealed class NoPasskeyStore : IPasskeyStore
{
    public Task<IReadOnlyList<StoredPasskey>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<StoredPasskey>>([]);

    public Task SaveAsync(StoredPasskey passkey, ReadOnlyMemory<byte> privateKey, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<byte[]?> GetPrivateKeyAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult<byte[]?>(null);

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
