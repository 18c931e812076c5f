using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Passbind.Core.WebAuthn;

namespace Passbind.Bench.Micro;

/// <summary>Registration options: made on every <c>:registrationOptions</c> call, then written as JSON.</summary>
[MemoryDiagnoser]
public class RegistrationOptionsBenchmarks
{
    private RegistrationOptionsParameters _parameters = null!;
    private PublicKeyCredentialCreationOptionsJson _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parameters = new RegistrationOptionsParameters("localhost", "Passbind", RandomNumberGenerator.GetBytes(32), "alice", "Alice",
            [RandomNumberGenerator.GetBytes(32)], TimeSpan.FromMinutes(5), UserVerificationRequirement.Preferred);
        _options = RegistrationOptionsFactory.Create(_parameters).PublicKey;
    }

    [Benchmark]
    public RegistrationOptions Create() => RegistrationOptionsFactory.Create(_parameters);

    [Benchmark]
    public byte[] SerializeOptions() => JsonSerializer.SerializeToUtf8Bytes(_options, WebAuthnJsonContext.Default.PublicKeyCredentialCreationOptionsJson);
}
