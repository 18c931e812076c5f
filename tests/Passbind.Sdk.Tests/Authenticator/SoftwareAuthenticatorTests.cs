using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Passbind.Sdk.Authenticator;
using Passbind.Sdk.Protocol;
using Passbind.Sdk.Tests.Fakes;

namespace Passbind.Sdk.Tests.Authenticator;

public sealed class SoftwareAuthenticatorTests
{
    private const string Origin = "passbind-sdk://dotnet";

    private static string OptionsJson(string rpId = "localhost", string algs = "[{\"type\":\"public-key\",\"alg\":-7},{\"type\":\"public-key\",\"alg\":-257}]") => $$$"""
        {"rp":{"id":"{{{rpId}}}","name":"Passbind"},
         "user":{"id":"{{{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}}}","name":"alice","displayName":"Alice"},
         "challenge":"{{{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}}}",
         "pubKeyCredParams":{{{algs}}},
         "timeout":300000,"excludeCredentials":[],
         "authenticatorSelection":{"residentKey":"required","requireResidentKey":true,"userVerification":"preferred"},
         "attestation":"none","extensions":{"credProps":true}}
        """;

    private static PublicKeyCredentialCreationOptions Parse(string json) =>
        JsonSerializer.Deserialize($"{{\"public_key\":{json}}}", ProtocolJsonContext.Default.RegistrationOptionsResponse)!.PublicKey!;

    private static string Serialize(RegistrationResponse credential) =>
        JsonSerializer.Serialize(
            new CompleteRegistrationRequest("t", credential), ProtocolJsonContext.Default.CompleteRegistrationRequest) is var s
            ? JsonNode.Parse(s)!["credential"]!.ToJsonString()
            : throw new InvalidOperationException();

    [Fact]
    public async Task Register_ValidOptions_AttestationVerifiesWithFido2NetLib()
    {
        var optionsJson = OptionsJson();
        var registration = SoftwareAuthenticator.Register(Parse(optionsJson), Origin);

        var registered = await FakeBindingServer.VerifyAsync(
            optionsJson, Serialize(registration.Credential), "localhost", [Origin], CancellationToken.None);

        Assert.Equal(Base64Url.DecodeFromChars(registration.CredentialId), registered.Id);
        Assert.Equal(32, registered.Id.Length);
        Assert.Equal(0u, registered.SignCount);
        Assert.False(registered.IsBackupEligible);
        Assert.False(registered.IsBackedUp);
        Assert.Equal("self", registered.AttestationType);
    }

    [Fact]
    public async Task Register_OtherOrigin_Fido2NetLibRejects()
    {
        var optionsJson = OptionsJson();
        var registration = SoftwareAuthenticator.Register(Parse(optionsJson), "https://evil.example");

        await Assert.ThrowsAsync<Fido2NetLib.Fido2VerificationException>(() => FakeBindingServer.VerifyAsync(
            optionsJson, Serialize(registration.Credential), "localhost", [Origin], CancellationToken.None));
    }

    [Fact]
    public void Register_ValidOptions_BuildsClientDataAndAuthenticatorDataPerSpec()
    {
        var options = Parse(OptionsJson(rpId: "example.com"));
        var registration = SoftwareAuthenticator.Register(options, Origin);
        var response = registration.Credential.Response;

        using var clientData = JsonDocument.Parse(Base64Url.DecodeFromChars(response.ClientDataJson));
        Assert.Equal("webauthn.create", clientData.RootElement.GetProperty("type").GetString());
        Assert.Equal(options.Challenge, clientData.RootElement.GetProperty("challenge").GetString());
        Assert.Equal(Origin, clientData.RootElement.GetProperty("origin").GetString());
        Assert.False(clientData.RootElement.GetProperty("crossOrigin").GetBoolean());

        var attestation = new CborReader(Base64Url.DecodeFromChars(response.AttestationObject));
        Assert.Equal(3, attestation.ReadStartMap());
        Assert.Equal("fmt", attestation.ReadTextString());
        Assert.Equal("packed", attestation.ReadTextString());
        Assert.Equal("attStmt", attestation.ReadTextString());
        Assert.Equal(2, attestation.ReadStartMap());
        Assert.Equal("alg", attestation.ReadTextString());
        Assert.Equal(-7, attestation.ReadInt32());
        Assert.Equal("sig", attestation.ReadTextString());
        var signature = attestation.ReadByteString();
        attestation.ReadEndMap();
        Assert.Equal("authData", attestation.ReadTextString());
        var authData = attestation.ReadByteString();
        Assert.Equal(Base64Url.DecodeFromChars(response.AuthenticatorData), authData);

        Assert.Equal(SHA256.HashData("example.com"u8), authData[..32]);
        Assert.Equal(0x45, authData[32]);                              // UP | UV | AT; BE = BS = 0
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(authData.AsSpan(33, 4)));
        Assert.All(authData[37..53], b => Assert.Equal(0, b));         // AAGUID
        Assert.Equal(32, BinaryPrimitives.ReadUInt16BigEndian(authData.AsSpan(53, 2)));
        Assert.Equal(Base64Url.DecodeFromChars(registration.CredentialId), authData[55..87]);

        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Base64Url.DecodeFromChars(response.PublicKey), out _);
        var signed = authData.Concat(SHA256.HashData(Base64Url.DecodeFromChars(response.ClientDataJson))).ToArray();
        Assert.True(key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        Assert.Equal(registration.CredentialId, registration.Credential.Id);
        Assert.Equal(registration.CredentialId, registration.Credential.RawId);
        Assert.True(registration.Credential.ClientExtensionResults.CredProps?.Rk);
    }

    [Fact]
    public void Register_NoEs256Offered_ThrowsUnsupportedAlgorithm()
    {
        var options = Parse(OptionsJson(algs: "[{\"type\":\"public-key\",\"alg\":-257}]"));

        var error = Assert.Throws<PassbindException>(() => SoftwareAuthenticator.Register(options, Origin));

        Assert.Equal(PassbindErrorCodes.UnsupportedAlgorithm, error.Code);
    }

    [Fact]
    public void Register_TwoCalls_MakeDistinctCredentialsAndKeys()
    {
        var first = SoftwareAuthenticator.Register(Parse(OptionsJson()), Origin);
        var second = SoftwareAuthenticator.Register(Parse(OptionsJson()), Origin);

        Assert.NotEqual(first.CredentialId, second.CredentialId);
        Assert.NotEqual(first.PrivateKey, second.PrivateKey);
    }
}
