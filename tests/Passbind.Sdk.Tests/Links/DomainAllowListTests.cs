using Passbind.Sdk.Links;

namespace Passbind.Sdk.Tests.Links;

public sealed class DomainAllowListTests
{
    [Theory]
    [InlineData("example.com", "example.com", true)]
    [InlineData("auth.example.com", "example.com", true)]
    [InlineData("a.b.example.com", "example.com", true)]
    [InlineData("AUTH.Example.COM", "example.com", true)]
    [InlineData("example.com.", "example.com", true)]
    [InlineData("notexample.com", "example.com", false)]
    [InlineData("example.com.evil.net", "example.com", false)]
    [InlineData("example.com", "auth.example.com", false)]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("evil.127.0.0.1", "127.0.0.1", false)]
    [InlineData("[::1]", "::1", true)]
    public void IsAllowed_Host_MatchesEqualOrSubdomain(string host, string domain, bool expected)
    {
        Assert.Equal(expected, new DomainAllowList([domain]).IsAllowed(host));
    }

    [Fact]
    public void IsAllowed_EmptyList_AllowsNothing()
    {
        Assert.False(new DomainAllowList([]).IsAllowed("localhost"));
    }

    [Theory]
    [InlineData("https://example.com")]
    [InlineData("example.com:5000")]
    [InlineData("example.com/path")]
    [InlineData("")]
    public void Constructor_EntryThatIsNotAHost_Throws(string domain)
    {
        Assert.Throws<ArgumentException>(() => new DomainAllowList([domain]));
    }
}
