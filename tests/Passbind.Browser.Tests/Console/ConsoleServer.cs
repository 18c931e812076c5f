using System.Text.Json;
using Microsoft.Playwright;
using Passbind.Client;

namespace Passbind.Browser.Tests.Console;

/// <summary>
/// A Passbind server of its own for the console's tests (a <see cref="ServerNode"/> in Development, as <c>dotnet run</c>
/// is) on an empty data directory, so that its first start makes the bootstrap administrator and writes
/// <c>admin_binding_link</c> and <c>console_url</c> into bootstrap.json. One serves every console test class (a fixture of
/// the browser collection), started by the first test that asks for it, so a run without console tests starts none.
/// </summary>
public sealed class ConsoleServer : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("passbind-console-").FullName;
    private readonly Lazy<Task<ServerNode>> _process;

    public ConsoleServer() =>
        // Development, as `dotnet run` is by default: mail without an SMTP host lands in the dev mailbox.
        _process = new(() => ServerNode.StartAsync(new NodeSettings(_dataDirectory, Url.Port) { Host = Url.Host, Environment = "Development" }));

    public Uri Url { get; } = new($"http://localhost:{RunningPassbind.FreePort()}");

    public string BootstrapPath => Path.Combine(_dataDirectory, "bootstrap.json");

    /// <summary>What the server printed, for a failing assertion's message.</summary>
    public string Output => _process.IsValueCreated && _process.Value.IsCompletedSuccessfully ? _process.Value.Result.Output : "";

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Starts the server unless it runs already; every test calls it first.</summary>
    public Task StartAsync() => _process.Value;

    /// <summary>The management client of the server's bootstrap.json, as an operator's scripts would use it.</summary>
    public PassbindClient Client() => new(PassbindClientOptions.FromBootstrapFile(BootstrapPath));

    /// <summary>A string property of bootstrap.json, as an operator reads it.</summary>
    public async Task<string> BootstrapValueAsync(string name)
    {
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(BootstrapPath));
        return file.RootElement.GetProperty(name).GetString() ?? throw new InvalidOperationException($"bootstrap.json has no {name}");
    }

    /// <summary>The id of the console's own authenticator config, whose links land on this server's /bind page.</summary>
    public async Task<string> ConsoleConfigIdAsync()
    {
        await foreach (var config in Client().AuthenticatorConfigs.ListAsync())
        {
            if (config.DisplayName == "Passbind Console")
            {
                return config.Id;
            }
        }

        throw new InvalidOperationException("The server has no Passbind Console authenticator config.");
    }

    /// <summary>
    /// Binds a passkey for <paramref name="identityId"/> on <paramref name="page"/> from a RETURN link of the console's
    /// config (made through the API), as the identity would on its own device.
    /// </summary>
    public async Task BindPasskeyAsync(IPage page, string identityId)
    {
        var job = await Client().CredentialBindingJobs.CreateAsync(identityId, new CreateCredentialBindingJobRequest
        {
            DeliveryMethod = DeliveryMethods.Return,
            AuthenticatorConfigId = await ConsoleConfigIdAsync(),
            PostBindingRedirectUri = Url + "console",
        });
        await page.GotoAsync(job.CredentialBindingLink!);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your passkey is ready" }).WaitForAsync();
    }

    /// <summary>
    /// A browser page of <paramref name="identityId"/>, signed in to the console through its sign-in page and Passbind's
    /// own OIDC with a passkey bound first (no session made by the test). It ends wherever the console sends the identity.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(RunningPassbind stack, string identityId, List<string> errors)
    {
        var page = await stack.NewPageAsync(errors);
        await AxeCheck.AddToAsync(page.Context, stack.RepositoryRoot);
        await BindPasskeyAsync(page, identityId);
        await page.GotoAsync(new Uri(Url, "/console").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_process.IsValueCreated)
        {
            await (await _process.Value).DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }
}
