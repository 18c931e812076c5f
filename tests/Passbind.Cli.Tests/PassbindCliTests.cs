namespace Passbind.Cli.Tests;

/// <summary>Parsing, help and the failures that need no server.</summary>
public sealed class PassbindCliTests
{
    [Fact]
    public async Task RunAsync_Help_ListsCommandsAndExitCodes()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var command in new[] { "identities", "links", "jobs", "credentials", "bind", "passkeys" })
        {
            Assert.Contains(command, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", run.Out, StringComparison.Ordinal);
        Assert.Contains("6    bind failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SubcommandHelp_ShowsItsOptionsAndExitCodes()
    {
        var run = await CliRun.RunAsync("identities", "create", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("--username", run.Out, StringComparison.Ordinal);
        Assert.Contains("--bootstrap", run.Out, StringComparison.Ordinal);
        Assert.Contains("--json", run.Out, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("identities")]
    [InlineData("identities", "create")]
    [InlineData("jobs", "get", "only-one-id")]
    [InlineData("identities", "list", "--no-such-option")]
    public async Task RunAsync_BadUsage_ExitsTwoWithTheErrorOnStderr(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith("passbind: usage_error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingRequiredOption_NamesIt()
    {
        var run = await CliRun.RunAsync("identities", "create");

        Assert.Contains("--username", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BootstrapFileMissing_ExitsTwo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"passbind-missing-{Guid.NewGuid():N}", "bootstrap.json");

        var run = await CliRun.RunAsync("identities", "list", "--bootstrap", path);

        run.AssertExit(ExitCodes.Usage);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BootstrapFromEnvironmentMissing_ExitsTwo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"passbind-missing-{Guid.NewGuid():N}.json");
        var environment = new Dictionary<string, string> { ["PASSBIND_BOOTSTRAP"] = path };

        var run = await CliRun.RunAsync(environment, "identities", "list");

        run.AssertExit(ExitCodes.Usage);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ExplicitConnectionWithoutToken_ExitsTwo()
    {
        var run = await CliRun.RunAsync(
            "identities", "list", "--bootstrap", "", "--api-url", "http://127.0.0.1:9", "--tenant", "t", "--realm", "r");

        run.AssertExit(ExitCodes.Usage);
        Assert.Contains("--token", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServerUnreachable_ExitsFive()
    {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        var run = await CliRun.RunAsync(
            "identities", "get", "some-id", "--api-url", "http://127.0.0.1:9", "--tenant", "t", "--realm", "r", "--token", "x");

        run.AssertExit(ExitCodes.Unavailable);
        Assert.StartsWith("passbind: network_error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bind_LinkToHostNotAllowed_ExitsSixAndSendsNothing()
    {
        using var store = new TempStore();
        // Nothing listens at example.invalid: the refusal must come before any request.
        var link = "https://example.invalid/v1/tenants/t/realms/r/identities/i/credential-binding-jobs/j:invokeAuthenticator?token="
            + new string('a', 64);

        var run = await CliRun.RunAsync([.. store.Args("bind", link)]);

        run.AssertExit(ExitCodes.BindFailed);
        Assert.StartsWith("passbind: domain_not_allowed: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Bind_NotABindingLink_ExitsTwo()
    {
        using var store = new TempStore();

        var run = await CliRun.RunAsync([.. store.Args("bind", "https://localhost/not-a-link")]);

        run.AssertExit(ExitCodes.Usage);
        Assert.StartsWith("passbind: invalid_url: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasskeysList_EmptyStore_PrintsNothingOnStdout()
    {
        using var store = new TempStore();

        var table = await CliRun.RunAsync([.. store.Args("passkeys", "list")]);
        var json = await CliRun.RunAsync([.. store.Args("passkeys", "list", "--json")]);

        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Empty(table.Out);
        Assert.Contains("No passkeys", table.Error, StringComparison.Ordinal);
        Assert.Equal("[]", json.Out.Trim());
    }

    [Fact]
    public async Task PasskeysDelete_UnknownId_ExitsThree()
    {
        using var store = new TempStore();

        var run = await CliRun.RunAsync([.. store.Args("passkeys", "delete", new string('0', 64))]);

        run.AssertExit(ExitCodes.NotFound);
        Assert.StartsWith("passbind: not_found: ", run.Error, StringComparison.Ordinal);
    }

    /// <summary>An authenticate URL whose request JWT names a transaction on <paramref name="baseUrl"/>.</summary>
    private static string AuthenticateUrl(string baseUrl)
    {
        static string Segment(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
        var payload = """{"authn":{"base_url":""" + $"\"{baseUrl}\"" + ""","tid":"t","rid":"r","action":{"prove":{"transaction_id":"x"}}}}""";
        return $"http://localhost:5080/bi-authenticate?request={Segment("""{"alg":"RS256"}""")}.{Segment(payload)}.c2ln";
    }

    [Fact]
    public async Task Authenticate_Help_ShowsPasskeyOptionAndSignInExitCode()
    {
        var run = await CliRun.RunAsync("authenticate", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("--passkey", run.Out, StringComparison.Ordinal);
        Assert.Contains("--allow-domain", run.Out, StringComparison.Ordinal);
        Assert.Contains("7    sign-in failed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_NotAnAuthenticateUrl_ExitsTwo()
    {
        using var store = new TempStore();

        var run = await CliRun.RunAsync([.. store.Args("authenticate", "https://localhost/bi-authenticate?request=nope")]);

        run.AssertExit(ExitCodes.Usage);
        Assert.StartsWith("passbind: invalid_url: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Authenticate_RequestForAHostNotAllowed_ExitsSevenAndSendsNothing()
    {
        using var store = new TempStore();

        // Nothing listens at example.invalid: the refusal must come before any request.
        var run = await CliRun.RunAsync([.. store.Args("authenticate", AuthenticateUrl("https://example.invalid"))]);

        run.AssertExit(ExitCodes.SignInFailed);
        Assert.StartsWith("passbind: domain_not_allowed: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Authenticate_NoPasskeyOfTheRealm_ExitsThree()
    {
        using var store = new TempStore();

        var run = await CliRun.RunAsync([.. store.Args("authenticate", AuthenticateUrl("http://127.0.0.1:9"), "--allow-domain", "127.0.0.1")]);

        run.AssertExit(ExitCodes.NotFound);
        Assert.StartsWith("passbind: passkey_not_found: ", run.Error, StringComparison.Ordinal);
    }
}
