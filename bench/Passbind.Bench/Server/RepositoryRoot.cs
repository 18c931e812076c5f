namespace Passbind.Bench.Server;

internal static class RepositoryRoot
{
    /// <summary>The directory holding Passbind.slnx: from the working directory up, else from the driver's own files up.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Passbind.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Passbind.slnx not found: run the driver from inside the repository.");
    }
}
