namespace Passbind.Server.Features.Console;

/// <summary>
/// The built-in console application this server signs the console in with, found (or made) at start.
/// The console's OIDC options read it when the first sign-in starts, after start-up has filled it.
/// </summary>
internal sealed class ConsoleClient
{
    private ConsoleApplicationInfo? _current;

    public ConsoleApplicationInfo Current => _current ?? throw new InvalidOperationException("The console application is not provisioned yet.");

    public void Set(ConsoleApplicationInfo info) => _current = info;
}
