namespace Passbind.Cli.Tests;

/// <summary>A passkey store and its key file in a fresh temporary directory, never the user's own.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("passbind-cli-").FullName;

    public string StoreDirectory => Path.Combine(_root, "passkeys");

    public string KeyFile => Path.Combine(_root, "key", "store.key");

    /// <summary>The arguments followed by <c>--store</c> and <c>--store-key</c> for this store.</summary>
    public IEnumerable<string> Args(params string[] args) =>
        [.. args, "--store", StoreDirectory, "--store-key", KeyFile];

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory: left for the OS.
        }
    }
}
