using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Passbind.Storage;

namespace Passbind.Server.Features.Tokens;

/// <summary>
/// The management bearer's view of the issued-token records, kept off the hot path: each token's record is
/// read once and trusted for <see cref="TokenOptions.RevocationCheckInterval"/>. Revocations made on this node
/// take effect at once (<see cref="Forget"/>); those made on another node within that interval.
/// </summary>
internal sealed class ActiveTokens(IServiceScopeFactory scopes, TimeProvider time, IOptions<TokenOptions> options) : IDisposable
{
    private const int MaxEntries = 100_000;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private long _generation;

    /// <summary>The token's record when it is active; null when it is not, or was never issued.</summary>
    public async ValueTask<TokenRecord?> FindActiveAsync(string tokenId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var generation = Interlocked.Read(ref _generation);
        if (_cache.TryGetValue(tokenId, out Entry? entry) && entry!.Generation == generation && now - entry.ReadTime < options.Value.RevocationCheckInterval)
        {
            return entry.Record is { Active: true } record && record.ExpireTime > now ? record : null;
        }

        TokenRecord? found;
        using (var scope = scopes.CreateScope())
        {
            found = await TokenRecords.FindByIdAsync(scope.ServiceProvider.GetRequiredService<PassbindDbContext>(), tokenId, now, cancellationToken);
        }

        if (options.Value.RevocationCheckInterval > TimeSpan.Zero)
        {
            _cache.Set(tokenId, new Entry(found, now, generation), new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = options.Value.RevocationCheckInterval,
            });
        }

        return found is { Active: true } ? found : null;
    }

    /// <summary>Drops what this node knows, after a revocation here, so that it holds at once on this node.</summary>
    public void Forget() => Interlocked.Increment(ref _generation);

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(TokenRecord? Record, DateTimeOffset ReadTime, long Generation);
}
