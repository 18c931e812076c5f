using System.Buffers.Text;
using System.Text.Json;
using Passbind.Core.WebAuthn;

namespace Passbind.Core.Tests.WebAuthn;

public sealed class RegistrationOptionsFactoryTests
{
    private static readonly byte[] UserHandle = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static RegistrationOptionsParameters Parameters(ReadOnlyMemory<byte>? userHandle = null, IReadOnlyCollection<ReadOnlyMemory<byte>>? exclude = null) => new(
        RpId: "id.t1.test",
        RpName: "Passbind",
        UserHandle: userHandle ?? UserHandle,
        UserName: "alice@t1.test",
        DisplayName: "Alice",
        ExcludeCredentialIds: exclude ?? [],
        Timeout: TimeSpan.FromMinutes(5),
        UserVerification: UserVerificationRequirement.Preferred);

    private static JsonElement Serialize(RegistrationOptions options) =>
        JsonDocument.Parse(JsonSerializer.Serialize(options.PublicKey, WebAuthnJsonContext.Default.PublicKeyCredentialCreationOptionsJson)).RootElement;

    [Fact]
    public void Create_CalledTwice_IssuesDifferentChallengesOfAtLeast16Bytes()
    {
        var first = RegistrationOptionsFactory.Create(Parameters());
        var second = RegistrationOptionsFactory.Create(Parameters());

        Assert.True(first.Challenge.Length >= 16);
        Assert.Equal(RegistrationOptionsFactory.ChallengeSize, first.Challenge.Length);
        Assert.False(first.Challenge.Span.SequenceEqual(second.Challenge.Span));
    }

    [Fact]
    public void Create_Serialized_MatchesBindingProtocolShape()
    {
        var excluded = new byte[] { 0xfb, 0xff, 0x01 };
        var options = RegistrationOptionsFactory.Create(Parameters(exclude: [excluded]));
        var json = Serialize(options);

        Assert.Equal(
            ["rp", "user", "challenge", "pubKeyCredParams", "timeout", "excludeCredentials", "authenticatorSelection", "attestation", "extensions"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("id.t1.test", json.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal("Passbind", json.GetProperty("rp").GetProperty("name").GetString());
        Assert.Equal("alice@t1.test", json.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("Alice", json.GetProperty("user").GetProperty("displayName").GetString());
        Assert.Equal(Base64Url.EncodeToString(options.Challenge.Span), json.GetProperty("challenge").GetString());
        Assert.Equal(
            [-7, -257],
            json.GetProperty("pubKeyCredParams").EnumerateArray().Select(p => p.GetProperty("alg").GetInt32()));
        Assert.All(json.GetProperty("pubKeyCredParams").EnumerateArray(), p => Assert.Equal("public-key", p.GetProperty("type").GetString()));
        Assert.Equal(300_000, json.GetProperty("timeout").GetInt64());
        var exclude = Assert.Single(json.GetProperty("excludeCredentials").EnumerateArray());
        Assert.Equal("public-key", exclude.GetProperty("type").GetString());
        Assert.Equal("-_8B", exclude.GetProperty("id").GetString());
        var selection = json.GetProperty("authenticatorSelection");
        Assert.Equal("required", selection.GetProperty("residentKey").GetString());
        Assert.True(selection.GetProperty("requireResidentKey").GetBoolean());
        Assert.Equal("preferred", selection.GetProperty("userVerification").GetString());
        Assert.Equal("none", json.GetProperty("attestation").GetString());
        Assert.True(json.GetProperty("extensions").GetProperty("credProps").GetBoolean());
    }

    [Fact]
    public void Create_BinaryFields_AreBase64UrlWithoutPadding()
    {
        var json = Serialize(RegistrationOptionsFactory.Create(Parameters()));

        foreach (var value in new[] { json.GetProperty("challenge").GetString()!, json.GetProperty("user").GetProperty("id").GetString()! })
        {
            Assert.DoesNotContain('=', value);
            Assert.DoesNotContain('+', value);
            Assert.DoesNotContain('/', value);
        }
    }

    [Fact]
    public void Create_UserId_IsTheOpaqueHandleAndCarriesNoPersonalData()
    {
        var json = Serialize(RegistrationOptionsFactory.Create(Parameters()));

        var userId = json.GetProperty("user").GetProperty("id").GetString()!;
        Assert.Equal(Base64Url.EncodeToString(UserHandle), userId);
        Assert.DoesNotContain("alice", System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(userId)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void Create_UserHandleOf1To64Bytes_IsAccepted(int length)
    {
        var options = RegistrationOptionsFactory.Create(Parameters(userHandle: new byte[length]));

        Assert.Equal(length, options.PublicKey.User.Id.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Create_UserHandleOutside1To64Bytes_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => RegistrationOptionsFactory.Create(Parameters(userHandle: new byte[length])));
    }

    [Fact]
    public void Create_UserVerificationRequired_IsWrittenAsRequired()
    {
        var options = RegistrationOptionsFactory.Create(Parameters() with { UserVerification = UserVerificationRequirement.Required });

        Assert.Equal("required", Serialize(options).GetProperty("authenticatorSelection").GetProperty("userVerification").GetString());
    }

    [Fact]
    public void Create_ChallengeGiven_SendsExactlyIt()
    {
        byte[] given = [.. Enumerable.Range(0, 32).Select(i => (byte)(255 - i))];

        var options = RegistrationOptionsFactory.Create(Parameters() with { Challenge = given });

        Assert.Equal(given, options.Challenge.ToArray());
        Assert.Equal(Base64Url.EncodeToString(given), Serialize(options).GetProperty("challenge").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void Create_ChallengeGivenShorterThan16Bytes_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => RegistrationOptionsFactory.Create(Parameters() with { Challenge = new byte[length] }));
    }
}
