using Passbind.Server.Features.AuthenticatorConfigs;
using Passbind.Storage.Entities;

namespace Passbind.Server.Tests.Features.AuthenticatorConfigs;

/// <summary>
/// A config's JSON lists are parsed once per stored text, not on every ceremony call (issue 12), and a change of
/// the text is seen at once, whatever the config's timestamps say.
/// </summary>
public sealed class ParsedConfigsTests
{
    [Fact]
    public void For_SameStoredText_ParsesOnceAndAnswersTheLists()
    {
        var configs = new ParsedConfigs();

        var first = configs.For(Config("c1", """["http://localhost","passbind-sdk://dotnet"]""", """["webauthn_passkey"]"""));
        var again = configs.For(Config("c1", """["http://localhost","passbind-sdk://dotnet"]""", """["webauthn_passkey"]"""));

        Assert.Same(first, again);
        Assert.Equal(["http://localhost", "passbind-sdk://dotnet"], first.TrustedOrigins);
        Assert.True(first.Allows("webauthn_passkey"));
        Assert.False(first.Allows("software_passkey"));
    }

    [Fact]
    public void For_TextChangedWithTheSameTimestamps_AnswersTheNewLists()
    {
        var configs = new ParsedConfigs();
        var before = configs.For(Config("c1", """["http://localhost"]""", """["webauthn_passkey"]"""));

        var methodsChanged = configs.For(Config("c1", """["http://localhost"]""", """["webauthn_passkey","software_passkey"]"""));
        var originsChanged = configs.For(Config("c1", """["https://app.example"]""", """["webauthn_passkey","software_passkey"]"""));

        Assert.NotSame(before, methodsChanged);
        Assert.True(methodsChanged.Allows("software_passkey"));
        Assert.Equal(["https://app.example"], originsChanged.TrustedOrigins);
        Assert.Equal(1, configs.Count);
    }

    [Fact]
    public void For_MoreConfigsThanItKeeps_StaysBoundedAndAnswersEachRightly()
    {
        var configs = new ParsedConfigs();

        for (var i = 0; i < ParsedConfigs.Capacity * 2 + 7; i++)
        {
            var parsed = configs.For(Config($"c{i}", $"""["https://{i}.example"]""", "[]"));
            Assert.Equal([$"https://{i}.example"], parsed.TrustedOrigins);
            Assert.InRange(configs.Count, 1, ParsedConfigs.Capacity);
        }
    }

    [Fact]
    public void For_ListsAnswered_CannotBeChangedByACaller()
    {
        var parsed = new ParsedConfigs().For(Config("c1", """["http://localhost"]""", """["webauthn_passkey"]"""));

        Assert.Throws<NotSupportedException>(() => ((IList<string>)parsed.TrustedOrigins)[0] = "https://evil.example");
    }

    private static AuthenticatorConfig Config(string id, string origins, string methods) => new()
    {
        Id = id,
        TenantId = "t",
        RealmId = "r",
        DisplayName = "config",
        Type = "embedded",
        TrustedOriginsJson = origins,
        AuthenticationMethodsJson = methods,
        CreateTime = DateTimeOffset.UnixEpoch,
        UpdateTime = DateTimeOffset.UnixEpoch,
    };
}
