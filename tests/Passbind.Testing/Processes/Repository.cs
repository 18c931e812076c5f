using System.Reflection;

namespace Passbind.Testing.Processes;

/// <summary>Where the repository and its built programs are, seen from a test's output directory.</summary>
public static class Repository
{
    /// <summary>The build the tests were made with (Debug unless <c>dotnet test -c Release</c>): the server's must match.</summary>
    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The directory holding Passbind.slnx, found by walking up from the test assembly.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Passbind.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Passbind.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>A program's dll as the test build made it, e.g. <c>Built("Passbind.Server", "Passbind.Server.dll")</c>.</summary>
    public static string Built(string project, string assembly)
    {
        var path = Path.Combine(Root(), "src", project, "bin", Configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built.", path);
    }
}
