using System.Buffers.Text;
using System.Text.Json;
using Passbind.Core.WebAuthn;

namespace Passbind.Core.Tests.WebAuthn;

public sealed class AuthenticationOptionsFactoryTests
{
    private static AuthenticationOptionsParameters Parameters(IReadOnlyCollection<ReadOnlyMemory<byte>>? allow = null) => new(
        RpId: "id.t1.test",
        AllowCredentialIds: allow ?? [],
        Timeout: TimeSpan.FromMinutes(5),
        UserVerification: UserVerificationRequirement.Preferred);

    private static JsonElement Serialize(AuthenticationOptions options) =>
        JsonDocument.Parse(JsonSerializer.Serialize(options.PublicKey, WebAuthnJsonContext.Default.PublicKeyCredentialRequestOptionsJson)).RootElement;

    [Fact]
    public void Create_CalledTwice_IssuesDifferent32ByteChallenges()
    {
        var first = AuthenticationOptionsFactory.Create(Parameters());
        var second = AuthenticationOptionsFactory.Create(Parameters());

        Assert.Equal(32, first.Challenge.Length);
        Assert.Equal(first.Challenge.ToArray(), first.PublicKey.Challenge);
        Assert.False(first.Challenge.Span.SequenceEqual(second.Challenge.Span));
    }

    [Fact]
    public void Create_Serialized_IsPublicKeyCredentialRequestOptionsJson()
    {
        var options = AuthenticationOptionsFactory.Create(Parameters(allow: [new byte[] { 0xfb, 0xff, 0x01 }]));
        var json = Serialize(options);

        Assert.Equal(["challenge", "timeout", "rpId", "allowCredentials", "userVerification"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Base64Url.EncodeToString(options.Challenge.Span), json.GetProperty("challenge").GetString());
        Assert.Equal(300_000, json.GetProperty("timeout").GetInt64());
        Assert.Equal("id.t1.test", json.GetProperty("rpId").GetString());
        var allowed = Assert.Single(json.GetProperty("allowCredentials").EnumerateArray());
        Assert.Equal("public-key", allowed.GetProperty("type").GetString());
        Assert.Equal("-_8B", allowed.GetProperty("id").GetString());
        Assert.Equal("preferred", json.GetProperty("userVerification").GetString());
    }

    [Fact]
    public void Create_NoAllowedCredentials_WritesAnEmptyListForADiscoverableCredential()
    {
        var json = Serialize(AuthenticationOptionsFactory.Create(Parameters()));

        Assert.Equal(0, json.GetProperty("allowCredentials").GetArrayLength());
    }

    [Fact]
    public void Create_UserVerificationRequired_IsWrittenAsRequired()
    {
        var options = AuthenticationOptionsFactory.Create(Parameters() with { UserVerification = UserVerificationRequirement.Required });

        Assert.Equal("required", Serialize(options).GetProperty("userVerification").GetString());
    }

    [Fact]
    public void Create_ChallengeIsBase64UrlWithoutPadding()
    {
        var challenge = Serialize(AuthenticationOptionsFactory.Create(Parameters())).GetProperty("challenge").GetString()!;

        Assert.DoesNotContain('=', challenge);
        Assert.DoesNotContain('+', challenge);
        Assert.DoesNotContain('/', challenge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1024)]
    public void Create_AllowedCredentialIdOutside1To1023Bytes_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => AuthenticationOptionsFactory.Create(Parameters(allow: [new byte[length]])));
    }

    [Fact]
    public void Create_NonPositiveTimeout_Throws()
    {
        Assert.Throws<ArgumentException>(() => AuthenticationOptionsFactory.Create(Parameters() with { Timeout = TimeSpan.Zero }));
    }

    [Fact]
    public void Create_ChallengeGiven_SendsExactlyIt()
    {
        byte[] given = [.. Enumerable.Range(0, 32).Select(i => (byte)(255 - i))];

        var options = AuthenticationOptionsFactory.Create(Parameters() with { Challenge = given });

        Assert.Equal(given, options.Challenge.ToArray());
        Assert.Equal(Base64Url.EncodeToString(given), Serialize(options).GetProperty("challenge").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void Create_ChallengeGivenShorterThan16Bytes_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => AuthenticationOptionsFactory.Create(Parameters() with { Challenge = new byte[length] }));
    }
}
