namespace Passbind.Cli.Tests;

/// <summary>One real server process (started as a user starts it) shared by a test class; each test makes its own identity.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The link's host: the SDK must be allowed to send the token there.</summary>
    public string Host => new Uri(Server.BaseUrl).Host;

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
