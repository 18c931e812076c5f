using System.Text.Json;

namespace Passbind.Browser.Tests.Console;

/// <summary>
/// A Passbind server of its own for the console's tests (a <see cref="ServerNode"/> in Development, as <c>dotnet run</c>
/// is) on an empty data directory, so that its first start makes the bootstrap administrator and writes
/// <c>admin_binding_link</c> and <c>console_url</c> into bootstrap.json.
/// </summary>
public sealed class ConsoleServer : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("passbind-console-").FullName;
    private ServerNode? _process;

    public Uri Url { get; } = new($"http://localhost:{RunningPassbind.FreePort()}");

    public string BootstrapPath => Path.Combine(_dataDirectory, "bootstrap.json");

    /// <summary>What the server printed, for a failing assertion's message.</summary>
    public string Output => _process?.Output ?? "";

    public async Task InitializeAsync()
    {
        // Development, as `dotnet run` is by default: mail without an SMTP host lands in the dev mailbox.
        _process = await ServerNode.StartAsync(new NodeSettings(_dataDirectory, Url.Port) { Host = Url.Host, Environment = "Development" });
    }

    /// <summary>A string property of bootstrap.json, as an operator reads it.</summary>
    public async Task<string> BootstrapValueAsync(string name)
    {
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(BootstrapPath));
        return file.RootElement.GetProperty(name).GetString() ?? throw new InvalidOperationException($"bootstrap.json has no {name}");
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }
}
