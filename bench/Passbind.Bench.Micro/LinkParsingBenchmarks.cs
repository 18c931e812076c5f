using BenchmarkDotNet.Attributes;
using Passbind.Core.Links;
using Passbind.Sdk;

namespace Passbind.Bench.Micro;

/// <summary>The .NET SDK's link parser (through the public <c>IsBindPasskeyUrl</c>), on both link forms (binding-protocol.md §1).</summary>
[MemoryDiagnoser]
public class LinkParsingBenchmarks
{
    private Embedded _sdk = null!;
    private string _invokeLink = string.Empty;
    private string _bindLink = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _sdk = Embedded.InitializeAsync(new EmbeddedOptions { PasskeyStore = new NoPasskeyStore() }).GetAwaiter().GetResult();
        var token = LinkToken.Create();
        _invokeLink = $"http://localhost:5000/v1/tenants/0001f1f460b1ace6/realms/8f3ad7a2c5b1e940/identities/e372db224c06e850/credential-binding-jobs/c4fc2d753ca22b14:invokeAuthenticator?token={token}";
        _bindLink = $"http://localhost:3000/bind?api_base_url=http%3A%2F%2Flocalhost%3A5000&tenant_id=0001f1f460b1ace6&realm_id=8f3ad7a2c5b1e940&identity_id=e372db224c06e850&job_id=c4fc2d753ca22b14&token={token}";
    }

    [Benchmark]
    public bool InvokeAuthenticatorForm() => _sdk.IsBindPasskeyUrl(_invokeLink);

    [Benchmark]
    public bool BindRedirectForm() => _sdk.IsBindPasskeyUrl(_bindLink);
}
