namespace Passbind.EndToEnd.Tests;

/// <summary>One real server process (started as the README says) for the sign-in tests; each test makes its own identity and application.</summary>
public sealed class SignInServerFixture : IAsyncLifetime
{
    private ServerProcess? _server;

    public ServerProcess Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
