using System.Text.Json;

namespace Passbind.Cli.Tests;

/// <summary>The CLI's commands, run in process, against a real server started as a process.</summary>
public sealed class ServerCommandsTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public ServerCommandsTests(ServerFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Bind_NewLink_BindsPasskeyThatBothSidesList_AndSecondBindExitsSix()
    {
        using var store = new TempStore();
        var username = NewUsername();

        var created = await RunServer("identities", "create", "--username", username, "--email", $"{username}@example.com", "--json");
        Assert.Equal(ExitCodes.Ok, created.ExitCode);
        var identityId = Json(created).GetProperty("id").GetString()!;
        Assert.Equal(username, Json(created).GetProperty("traits").GetProperty("username").GetString());

        var link = await RunServer("links", "create", identityId, "--redirect", "http://example.com/done");
        Assert.Equal(ExitCodes.Ok, link.ExitCode);
        var url = link.Out.Trim();
        Assert.Contains(":invokeAuthenticator?token=", url, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', url);

        var bound = await CliRun.RunAsync([.. store.Args("bind", url, "--allow-domain", _fixture.Host, "--json")]);
        bound.AssertExit(ExitCodes.Ok);
        var passkey = Json(bound).GetProperty("passkey");
        var credentialId = passkey.GetProperty("passkey_id").GetString()!;
        Assert.Equal(identityId, passkey.GetProperty("identity").GetProperty("id").GetString());
        Assert.Equal("http://example.com/done", Json(bound).GetProperty("post_bind_redirect").GetString());

        var local = await CliRun.RunAsync([.. store.Args("passkeys", "list")]);
        Assert.Equal(ExitCodes.Ok, local.ExitCode);
        Assert.Contains(credentialId, local.Out, StringComparison.Ordinal);
        Assert.Contains(username, local.Out, StringComparison.Ordinal);

        var server = await RunServer("credentials", "list", identityId, "--json");
        Assert.Equal(ExitCodes.Ok, server.ExitCode);
        var credential = Assert.Single(Json(server).EnumerateArray());
        Assert.Equal(credentialId, credential.GetProperty("id").GetString());

        var again = await CliRun.RunAsync([.. store.Args("bind", url, "--allow-domain", _fixture.Host)]);
        Assert.Equal(ExitCodes.BindFailed, again.ExitCode);
        Assert.Empty(again.Out);
        Assert.StartsWith("passbind: link_consumed: ", again.Error, StringComparison.Ordinal);
        Assert.Single(Json(await RunServer("credentials", "list", identityId, "--json")).EnumerateArray());
    }

    [Fact]
    public async Task Bind_HostNotAllowed_ExitsSixAndLeavesTheLinkUsable()
    {
        using var store = new TempStore();
        var identityId = await CreateIdentityAsync();
        var link = await RunServer("links", "create", identityId, "--json");
        var json = Json(link);
        var url = json.GetProperty("credential_binding_link").GetString()!;
        var jobId = json.GetProperty("credential_binding_job").GetProperty("id").GetString()!;

        // The server is at 127.0.0.1; without --allow-domain only localhost is allowed.
        var refused = await CliRun.RunAsync([.. store.Args("bind", url)]);

        Assert.Equal(ExitCodes.BindFailed, refused.ExitCode);
        Assert.StartsWith("passbind: domain_not_allowed: ", refused.Error, StringComparison.Ordinal);
        var job = await RunServer("jobs", "get", identityId, jobId, "--json");
        Assert.Equal(ExitCodes.Ok, job.ExitCode);
        Assert.Equal("LINK_SENT", Json(job).GetProperty("state").GetString());
    }

    [Fact]
    public async Task JobsRevoke_ThenBind_ExitsSixWithLinkRevoked()
    {
        using var store = new TempStore();
        var identityId = await CreateIdentityAsync();
        var json = Json(await RunServer("links", "create", identityId, "--json"));
        var url = json.GetProperty("credential_binding_link").GetString()!;
        var jobId = json.GetProperty("credential_binding_job").GetProperty("id").GetString()!;

        var revoked = await RunServer("jobs", "revoke", identityId, jobId);
        var bound = await CliRun.RunAsync([.. store.Args("bind", url, "--allow-domain", _fixture.Host)]);

        Assert.Equal(ExitCodes.Ok, revoked.ExitCode);
        Assert.Contains(jobId, revoked.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BindFailed, bound.ExitCode);
        Assert.StartsWith("passbind: link_revoked: ", bound.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identities_ListGetDelete_ShowWhatTheServerHolds()
    {
        var username = NewUsername();
        var identityId = await CreateIdentityAsync(username);

        var byName = await RunServer("identities", "list", "--username", username, "--json");
        var table = await RunServer("identities", "list");
        var got = await RunServer("identities", "get", identityId);
        var deleted = await RunServer("identities", "delete", identityId);
        var gone = await RunServer("identities", "get", identityId);

        Assert.Equal(identityId, Assert.Single(Json(byName).EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains(identityId, table.Out, StringComparison.Ordinal);
        Assert.Contains("USERNAME", table.Out, StringComparison.Ordinal);
        Assert.Contains(username, got.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, deleted.ExitCode);
        Assert.Empty(deleted.Out);
        Assert.Equal(ExitCodes.NotFound, gone.ExitCode);
        Assert.StartsWith("passbind: not_found: ", gone.Error, StringComparison.Ordinal);
        Assert.Empty(gone.Out);
    }

    [Fact]
    public async Task IdentitiesCreate_DuplicateUsername_ExitsFourWithServerCode()
    {
        var username = NewUsername();
        await CreateIdentityAsync(username);

        var again = await RunServer("identities", "create", "--username", username);

        Assert.Equal(ExitCodes.Refused, again.ExitCode);
        Assert.Matches("^passbind: [a-z_]+: .*\\[HTTP 4\\d\\d\\]", again.Error);
    }

    [Fact]
    public async Task LinksCreate_Email_WithoutEmailAddress_ExitsFour()
    {
        var identityId = await CreateIdentityAsync();

        var run = await RunServer("links", "create", identityId, "--email");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.StartsWith("passbind: unprocessable_entity: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplicitConnection_WithBootstrapToken_Works()
    {
        var bootstrap = _fixture.Server.ReadBootstrap();

        var run = await CliRun.RunAsync(
            "identities", "create", "--username", NewUsername(), "--json",
            "--bootstrap", "",
            "--api-url", bootstrap.GetProperty("api_base_url").GetString()!,
            "--tenant", bootstrap.GetProperty("tenant_id").GetString()!,
            "--realm", bootstrap.GetProperty("realm_id").GetString()!,
            "--token", bootstrap.GetProperty("api_token").GetString()!);

        run.AssertExit(ExitCodes.Ok);
        Assert.False(string.IsNullOrEmpty(Json(run).GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Bootstrap_FromEnvironment_IsUsed()
    {
        var environment = new Dictionary<string, string> { ["PASSBIND_BOOTSTRAP"] = _fixture.Server.BootstrapPath };

        var run = await CliRun.RunAsync(environment, "credentials", "list", "--json");

        run.AssertExit(ExitCodes.Ok);
        Assert.Equal(JsonValueKind.Array, Json(run).ValueKind);
    }

    [Fact]
    public async Task Authenticate_BoundPasskey_PrintsRedirectWhoseCodeSignsInTheIdentity_AndASecondRunExitsSeven()
    {
        using var store = new TempStore();
        var identityId = await CreateIdentityAsync();
        var link = (await RunServer("links", "create", identityId)).Out.Trim();
        (await CliRun.RunAsync([.. store.Args("bind", link, "--allow-domain", _fixture.Host)])).AssertExit(ExitCodes.Ok);
        var application = await SignInApplication.CreateAsync(_fixture.Server);
        var (attempt, authenticateUrl) = await application.AuthorizeAsync();

        var signedIn = await CliRun.RunAsync([.. store.Args("authenticate", authenticateUrl, "--allow-domain", _fixture.Host)]);

        signedIn.AssertExit(ExitCodes.Ok);
        var redirectUrl = signedIn.Out.Trim();
        Assert.DoesNotContain('\n', redirectUrl);
        Assert.StartsWith("Signed in as ", signedIn.Error, StringComparison.Ordinal);
        var (_, idToken) = await application.ExchangeAsync(attempt, redirectUrl);
        Assert.Equal(identityId, idToken.GetProperty("sub").GetString());

        var again = await CliRun.RunAsync([.. store.Args("authenticate", authenticateUrl, "--allow-domain", _fixture.Host)]);
        Assert.Equal(ExitCodes.SignInFailed, again.ExitCode);
        Assert.Empty(again.Out);
        Assert.StartsWith("passbind: transaction_completed: ", again.Error, StringComparison.Ordinal);
    }

    private Task<CliRun> RunServer(params string[] args) =>
        CliRun.RunAsync([.. args, "--bootstrap", _fixture.Server.BootstrapPath]);

    private async Task<string> CreateIdentityAsync(string? username = null)
    {
        var run = await RunServer("identities", "create", "--username", username ?? NewUsername(), "--json");
        run.AssertExit(ExitCodes.Ok);
        return Json(run).GetProperty("id").GetString()!;
    }

    private static string NewUsername() => $"cli-{Guid.NewGuid():N}"[..20];

    private static JsonElement Json(CliRun run)
    {
        using var document = JsonDocument.Parse(run.Out);
        return document.RootElement.Clone();
    }
}
