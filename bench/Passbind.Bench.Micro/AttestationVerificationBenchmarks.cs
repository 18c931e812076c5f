using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Passbind.Core.WebAuthn;
using Passbind.Testing.WebAuthn;

namespace Passbind.Bench.Micro;

/// <summary>
/// <see cref="RegistrationVerifier"/> on an ES256 registration with <c>none</c> and with <c>packed</c> self attestation,
/// and the parts of the ceremony's JSON around it: parsing the request body and reading the echoed challenge.
/// </summary>
[MemoryDiagnoser]
public class AttestationVerificationBenchmarks
{
    private const string RpId = "localhost";
    private const string Origin = "passbind-sdk://dotnet";
    private readonly RegistrationVerifier _verifier = new();
    private ExpectedRegistration _expected = null!;
    private byte[] _packed = [];
    private byte[] _none = [];
    private byte[] _completeBody = [];

    [GlobalSetup]
    public void Setup()
    {
        var challenge = RandomNumberGenerator.GetBytes(32);
        _expected = new ExpectedRegistration(challenge, RpId, [Origin], false, CoseAlgorithms.Offered.ToArray(), RandomNumberGenerator.GetBytes(32));
        _packed = Register(challenge, AttestationKind.PackedSelf);
        _none = Register(challenge, AttestationKind.None);
        _completeBody = [.. "{\"token\":\""u8, .. new string('A', 64).Select(c => (byte)c), .. "\",\"credential\":"u8, .. _packed, .. "}"u8];
        if (!VerifyPacked().Succeeded || !VerifyNone().Succeeded)
        {
            throw new InvalidOperationException("the benchmark's responses do not verify");
        }
    }

    [Benchmark]
    public RegistrationResult VerifyPacked() => _verifier.VerifyAsync(_expected, _packed).GetAwaiter().GetResult();

    [Benchmark]
    public RegistrationResult VerifyNone() => _verifier.VerifyAsync(_expected, _none).GetAwaiter().GetResult();

    /// <summary>What the server's body binding does with a <c>:completeRegistration</c> request: parse it, keep the credential.</summary>
    [Benchmark]
    public JsonElement ParseCompleteRequest()
    {
        using var document = JsonDocument.Parse(_completeBody);
        return document.RootElement.GetProperty("credential").Clone();
    }

    private static byte[] Register(byte[] challenge, AttestationKind kind)
    {
        using var authenticator = new SoftwareAuthenticator(challenge, kind, RpId, Origin);
        return authenticator.CreateResponseJson();
    }
}
