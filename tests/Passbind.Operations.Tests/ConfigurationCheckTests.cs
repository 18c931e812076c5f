
namespace Passbind.Operations.Tests;

/// <summary>
/// A setting that cannot work stops the start: exit code 78, one line on stderr naming the key and the fix, and no
/// stack trace anywhere in the output (issue 15, "Configuration checked at start").
/// </summary>
public sealed class ConfigurationCheckTests
{
    private const int ConfigurationExitCode = 78;

    [Theory]
    [InlineData("Passbind:Database:Provider", "PostgreSql", "ConnectionStrings:Passbind: not set, but Passbind:Database:Provider is PostgreSql")]
    [InlineData("Passbind:Database:Provider", "Oracle", "Passbind:Database:Provider: 'Oracle' is not a database provider")]
    [InlineData("Passbind:PublicBaseUrl", "id.example.com", "Passbind:PublicBaseUrl: 'id.example.com' is not an absolute http or https URL")]
    [InlineData("Passbind:MasterKey", "c2hvcnQga2V5", "Passbind:MasterKey: not base64 of 32 bytes")]
    [InlineData("Passbind:Links:MaxLifetime", "30.00:00:00", "Passbind:Links:MaxLifetime must be more than zero and at most 7 days")]
    [InlineData("Passbind:Links:EmailLifetime", "8.00:00:00", "Passbind:Links:EmailLifetime must be more than zero and at most Passbind:Links:MaxLifetime")]
    [InlineData("Passbind:WebAuthn:ChallengeTimeout", "00:30:00", "Passbind:WebAuthn:ChallengeTimeout must be from 1 to 10 minutes")]
    [InlineData("Passbind:Smtp:Port", "0", "Passbind:Smtp:Port must be a TCP port")]
    [InlineData("Passbind:Console:IdleTimeout", "13:00:00", "Passbind:Console:IdleTimeout must be more than zero and at most 12 hours")]
    public async Task Start_SettingThatCannotWork_ExitsWithOneLineNamingKeyAndFix(string key, string value, string expected)
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.Sqlite);

        await using var node = await ServerNode.StartExpectingExitAsync(new NodeSettings(storage.DataDirectory, ServerNode.FreePort()).With(key, value));

        Assert.Equal(ConfigurationExitCode, node.ExitCode);
        var line = Assert.Single(Lines(node.StandardError));
        Assert.StartsWith($"passbind: {expected}", line, StringComparison.Ordinal);
        AssertNoStackTrace(node);
        if (key == "Passbind:MasterKey")
        {
            Assert.DoesNotContain(value, node.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_SecondPostgreSqlNodeWithItsOwnMasterKey_ExitsNamingMasterKey_StartsOnceItSharesTheKey()
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.PostgreSql);
        using var second = new TemporaryDirectory();
        var settings = new NodeSettings(storage.DataDirectory, ServerNode.FreePort())
            .With("Passbind:Database:Provider", "PostgreSql")
            .With("ConnectionStrings:Passbind", storage.ConnectionString!);
        await using var first = await ServerNode.StartAsync(settings);

        var secondSettings = settings with { DataDirectory = second.Path, Port = ServerNode.FreePort(), ExpectBootstrapFile = false };
        await using (var refused = await ServerNode.StartExpectingExitAsync(secondSettings))
        {
            Assert.Equal(ConfigurationExitCode, refused.ExitCode);
            var line = Assert.Single(Lines(refused.StandardError));
            Assert.StartsWith("passbind: Passbind:MasterKey: not set, and this node's own key", line, StringComparison.Ordinal);
            Assert.Contains("the same base64 key on every node", line, StringComparison.Ordinal);
            AssertNoStackTrace(refused);
        }

        var sharedKey = File.ReadAllText(Path.Combine(storage.DataDirectory, "master.key")).Trim();
        await using var joined = await ServerNode.StartAsync(secondSettings.With("Passbind:MasterKey", sharedKey));
        using var client = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"{joined.BaseUrl}/readyz")).StatusCode);
    }

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static void AssertNoStackTrace(ServerNode node)
    {
        Assert.DoesNotContain("   at ", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", node.Output, StringComparison.Ordinal);
    }
}
