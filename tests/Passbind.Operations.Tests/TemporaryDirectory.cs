namespace Passbind.Operations.Tests;

/// <summary>A fresh directory under the system's temp directory, removed on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("passbind-ops-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file a killed process left open; the OS cleans its temp directory.
        }
        catch (UnauthorizedAccessException)
        {
            // A read-only mount left by a test; the OS cleans its temp directory.
        }
    }
}
