using System.Diagnostics;
using Passbind.Client;

namespace Passbind.Sample;

/// <summary>Reads the Passbind server's bootstrap.json, waiting a while for a server started at the same time to write it.</summary>
internal static class SampleBootstrap
{
    public static async Task<PassbindClientOptions> ReadAsync(SampleOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var candidates = Candidates(options.Bootstrap);
        var waited = Stopwatch.StartNew();
        var logged = false;
        while (true)
        {
            // The server writes the file beside its final name and renames it, so a file that exists is whole.
            var found = candidates.FirstOrDefault(File.Exists);
            if (found is not null)
            {
                return PassbindClientOptions.FromBootstrapFile(found);
            }

            if (waited.Elapsed > options.BootstrapWait)
            {
                throw new FileNotFoundException(
                    $"No bootstrap.json at {string.Join(" or ", candidates)}. Start the server first " +
                    "(dotnet run --project src/Passbind.Server), or point the sample at its bootstrap.json with --Sample:Bootstrap=<path>.");
            }

            if (!logged)
            {
                Log.WaitingForBootstrap(logger, string.Join(" or ", candidates));
                logged = true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private static List<string> Candidates(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return [Path.GetFullPath(configured)];
        }

        List<string> candidates = [Path.GetFullPath(Path.Combine("data", "bootstrap.json"))];
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Passbind.slnx")))
            {
                candidates.Add(Path.Combine(directory.FullName, "data", "bootstrap.json"));
                break;
            }
        }

        return candidates.Distinct(StringComparer.Ordinal).ToList();
    }
}
