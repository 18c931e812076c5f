using System.Text.Json;

namespace Passbind.Testing.Processes;

/// <summary>
/// The server as a developer runs it: the Development environment (as <c>dotnet run</c> has it, so mail without an
/// SMTP host lands in the dev mailbox), on a free port of 127.0.0.1 and a fresh data directory of its own. A
/// <see cref="ServerNode"/> underneath; disposing stops it and removes the data directory.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ServerNode _node;
    private bool _killed;

    private ServerProcess(ServerNode node) => _node = node;

    /// <summary>The address the server listens on, without a trailing slash.</summary>
    public string BaseUrl => _node.BaseUrl;

    public string DataDirectory => _node.Settings.DataDirectory;

    public string BootstrapPath => _node.Settings.BootstrapPath;

    /// <summary>The port the server listens on, to restart it on the same address.</summary>
    public int Port => _node.Settings.Port;

    /// <summary>What the server printed so far, for failure messages.</summary>
    public string Output => _node.Output;

    /// <summary>
    /// Starts the server on a fresh data directory and a free port, or, to restart one, on
    /// <paramref name="dataDirectory"/> and <paramref name="port"/> (see <see cref="KillAsync"/>).
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string? dataDirectory = null, int? port = null)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("passbind-e2e-").FullName;
        var settings = new NodeSettings(dataDirectory, port ?? ServerNode.FreePort()) { Environment = "Development" };
        return new ServerProcess(await ServerNode.StartAsync(settings));
    }

    /// <summary>bootstrap.json as the server wrote it.</summary>
    public JsonElement ReadBootstrap() => _node.ReadBootstrap();

    /// <summary>
    /// Ends the server the hard way (SIGKILL, as <c>kill -9</c>): no shutdown runs. The data directory is kept, so
    /// <see cref="StartAsync"/> can restart on it; disposing this instance then leaves it alone.
    /// </summary>
    public async Task KillAsync()
    {
        _killed = true;
        await _node.KillAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        if (_killed)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean: a temp directory.
        }
    }
}
