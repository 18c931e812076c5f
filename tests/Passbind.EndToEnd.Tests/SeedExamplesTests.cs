using System.Diagnostics;
using System.Text.Json;

namespace Passbind.EndToEnd.Tests;

/// <summary>
/// The seed's server-side examples (bindPasskey.md) run unmodified under Node against a freshly started server,
/// with only the base URL, the ids and the token taken from bootstrap.json (issue 2, "Done when").
/// See SeedExamples/seed-harness.cjs.
/// </summary>
public sealed class SeedExamplesTests
{
    [Fact]
    public async Task ServerSideExamples_UnmodifiedUnderNode_CreateIdentityAndReturnBindingLink()
    {
        await using var server = await ServerProcess.StartAsync();
        var bootstrap = server.ReadBootstrap();
        var username = $"seed-{Guid.NewGuid():N}"[..20];

        var result = await RunHarnessAsync(server, username);

        // "Get passkey binding URL for existing identity" found the identity step 1 created.
        var existing = result.GetProperty("existing");
        Assert.Equal("send", existing.GetProperty("kind").GetString());
        var identityId = existing.GetProperty("body").GetString();
        Assert.Matches("^[0-9a-f]{16}$", identityId);

        // "Create an identity and get passkey binding URL" sent the job response, not a 400.
        var create = result.GetProperty("create");
        Assert.True(create.GetProperty("kind").GetString() == "send", $"the example answered {create}");
        Assert.Equal(200, create.GetProperty("status").GetInt32());
        var link = create.GetProperty("body").GetProperty("credential_binding_link").GetString()!;
        var expectedPrefix = $"{bootstrap.GetProperty("auth_base_url").GetString()}/v1/tenants/{bootstrap.GetProperty("tenant_id").GetString()}" +
            $"/realms/{bootstrap.GetProperty("realm_id").GetString()}/identities/{identityId}/credential-binding-jobs/";
        Assert.StartsWith(expectedPrefix, link, StringComparison.Ordinal);
        Assert.Contains(":invokeAuthenticator?token=", link, StringComparison.Ordinal);
        var job = create.GetProperty("body").GetProperty("credential_binding_job");
        Assert.Equal("RETURN", job.GetProperty("delivery_method").GetString());
        Assert.Equal(identityId, job.GetProperty("identity_id").GetString());

        // "Extract passkey binding URL" read the same link.
        Assert.Equal(link, result.GetProperty("extract").GetString());
    }

    private static async Task<JsonElement> RunHarnessAsync(ServerProcess server, string username)
    {
        var harness = Path.Combine(AppContext.BaseDirectory, "SeedExamples", "seed-harness.cjs");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(harness);
        start.ArgumentList.Add(server.BootstrapPath);
        start.ArgumentList.Add(username);

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);

        Assert.True(node.ExitCode == 0, $"node exited with {node.ExitCode}: {await stderr}\nserver output:\n{server.Output}");
        using var document = JsonDocument.Parse(await stdout);
        return document.RootElement.Clone();
    }
}
