namespace Passbind.Sdk.Tests.Fakes;

/// <summary>A fresh temporary folder holding a store directory and, beside it, the store key file.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "passbind-sdk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string StoreDirectory => Path.Combine(Root, "passkeys");

    public string StoreKeyFile => Path.Combine(Root, "config", "store.key");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does not fail a test.
        }
    }
}
