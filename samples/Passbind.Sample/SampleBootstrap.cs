using System.Diagnostics;
using Passbind.Client;

namespace Passbind.Sample;

/// <summary>Reads the Passbind server's bootstrap.json, waiting a while for a server started at the same time to write it.</summary>
internal static class SampleBootstrap
{
    public static async Task<PassbindClientOptions> ReadAsync(SampleOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Bootstrap);
        var waited = Stopwatch.StartNew();
        if (!File.Exists(path))
        {
            Log.WaitingForBootstrap(logger, path);
        }

        while (!File.Exists(path))
        {
            if (waited.Elapsed > options.BootstrapWait)
            {
                throw new FileNotFoundException(
                    $"{path} does not exist. Start the server first (dotnet run --project src/Passbind.Server, from the repository root), " +
                    "or point the sample at its bootstrap.json with --Sample:Bootstrap=<path>.", path);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        // The server writes the file beside its final name and renames it, so a file that exists is whole.
        return PassbindClientOptions.FromBootstrapFile(path);
    }
}
