using BenchmarkDotNet.Attributes;
using Passbind.Core.Links;

namespace Passbind.Bench.Micro;

/// <summary>A link's token: made when a job is created, hashed to store it, matched in constant time on every ceremony call.</summary>
[MemoryDiagnoser]
public class LinkTokenBenchmarks
{
    private string _token = string.Empty;
    private byte[] _hash = [];

    [GlobalSetup]
    public void Setup()
    {
        _token = LinkToken.Create();
        _hash = LinkToken.Hash(_token);
    }

    [Benchmark]
    public string Create() => LinkToken.Create();

    [Benchmark]
    public byte[] Hash() => LinkToken.Hash(_token);

    [Benchmark]
    public bool Match() => LinkToken.Matches(_token, _hash);
}
