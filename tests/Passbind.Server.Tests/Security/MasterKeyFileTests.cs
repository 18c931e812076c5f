using System.Text;
using Microsoft.Extensions.Options;
using Passbind.Server.Hosting;
using Passbind.Server.Secrets;

namespace Passbind.Server.Tests.Security;

/// <summary>The master key a server keeps in its data directory when none is configured.</summary>
public sealed class MasterKeyFileTests : IDisposable
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("passbind-master-key-");

    [Fact]
    public void FirstStart_ManyAtOnceOnOneDataDirectory_AllUseOneKey()
    {
        // Threads released together by a barrier, as processes started together would race.
        const int starts = 16;
        var keys = new MasterKey[starts];
        using var barrier = new Barrier(starts);
        var threads = Enumerable.Range(0, starts).Select(i => new Thread(() =>
        {
            barrier.SignalAndWait();
            keys[i] = NewMasterKey();
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        var macs = keys.Select(key => Convert.ToHexString(key.MacPageToken("one page token"u8))).Distinct();
        Assert.Single(macs);
        Assert.Equal(
            Convert.ToHexString(NewMasterKey().MacPageToken("one page token"u8)),
            Convert.ToHexString(keys[0].MacPageToken("one page token"u8)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all")]
    public void Start_DamagedKeyFile_RefusedNamingTheFile(string contents)
    {
        var path = Path.Combine(_dataDirectory.FullName, "master.key");
        File.WriteAllText(path, contents, Encoding.ASCII);

        var error = Assert.Throws<InvalidOperationException>(NewMasterKey);

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(contents, File.ReadAllText(path));   // left as it was for the operator to restore
    }

    public void Dispose() => _dataDirectory.Delete(recursive: true);

    private MasterKey NewMasterKey() => new(
        Options.Create(new MasterKeyOptions()),
        Options.Create(new ServerOptions { DataDirectory = _dataDirectory.FullName }));
}
