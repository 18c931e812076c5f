using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Passbind.Sdk.Storage;
using Passbind.Sdk.Tests.Fakes;

namespace Passbind.Sdk.Tests.Storage;

public sealed class FilePasskeyStoreTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private FilePasskeyStore NewStore(string? keyFile = null) =>
        new(_directory.StoreDirectory, keyFile ?? _directory.StoreKeyFile);

    private static StoredPasskey NewPasskey(DateTimeOffset? created = null)
    {
        var passkey = new Passkey
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            PasskeyId = "81490afab171aef0",
            Created = created ?? new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            State = PasskeyState.Active,
            Tenant = new PasskeyTenant("0001e3214d99f585", "Acme"),
            Realm = new PasskeyRealm("8c4223d484c685db", "Customers"),
            Identity = new PasskeyIdentity("534f87b7c4ec9367", "alice", "Alice", "alice@example.com", null),
            Theme = new PasskeyTheme(null, null, null),
        };
        return new StoredPasskey(
            passkey,
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            "localhost",
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
            "http://localhost:5000",
            passkey.Created);
    }

    private static (byte[] Pkcs8, byte[] D) NewKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKey(), key.ExportParameters(includePrivateParameters: true).D!);
    }

    [Fact]
    public async Task SaveAsync_ThenListAndGetPrivateKey_RoundTrips()
    {
        var store = NewStore();
        var passkey = NewPasskey();
        var (pkcs8, _) = NewKey();

        await store.SaveAsync(passkey, pkcs8);

        Assert.Equal(passkey, Assert.Single(await store.ListAsync()));
        Assert.Equal(pkcs8, await store.GetPrivateKeyAsync(passkey.Passkey.Id));
        Assert.Equal(pkcs8, await NewStore().GetPrivateKeyAsync(passkey.Passkey.Id));
    }

    [Fact]
    public async Task SaveAsync_Always_LeavesNoPrivateKeyBytesUnderStoreDirectory()
    {
        var store = NewStore();
        var passkey = NewPasskey();
        var (pkcs8, d) = NewKey();

        await store.SaveAsync(passkey, pkcs8);

        var forbidden = new[] { pkcs8, d }
            .SelectMany(secret => new[]
            {
                secret,
                Encoding.ASCII.GetBytes(Convert.ToBase64String(secret)),
                Encoding.ASCII.GetBytes(Base64Url.EncodeToString(secret)),
                Encoding.ASCII.GetBytes(Convert.ToHexStringLower(secret)),
                Encoding.ASCII.GetBytes(Convert.ToHexString(secret)),
                Encoding.ASCII.GetBytes(Convert.ToBase64String(secret)[..16]),
            })
            .ToList();
        var files = Directory.EnumerateFiles(_directory.StoreDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.All(forbidden, secret => Assert.True(bytes.AsSpan().IndexOf(secret) < 0, $"{file} holds private key bytes"));
        }

        Assert.False(File.Exists(Path.Combine(_directory.StoreDirectory, "store.key")));
        Assert.True(File.Exists(_directory.StoreKeyFile));
    }

    [Fact]
    public async Task SaveAsync_OnUnix_MakesFiles0600AndDirectory0700()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var store = NewStore();
        var passkey = NewPasskey();
        await store.SaveAsync(passkey, NewKey().Pkcs8);

        const UnixFileMode file = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode folder = file | UnixFileMode.UserExecute;
        Assert.Equal(folder, File.GetUnixFileMode(_directory.StoreDirectory));
        Assert.Equal(file, File.GetUnixFileMode(Path.Combine(_directory.StoreDirectory, passkey.Passkey.Id + ".json")));
        Assert.Equal(file, File.GetUnixFileMode(_directory.StoreKeyFile));
        Assert.Equal(folder, File.GetUnixFileMode(Path.GetDirectoryName(_directory.StoreKeyFile)!));
        Assert.Empty(Directory.EnumerateFiles(_directory.StoreDirectory, "*.tmp"));
    }

    [Fact]
    public async Task GetPrivateKeyAsync_CiphertextAltered_ThrowsStoreError()
    {
        var store = NewStore();
        var passkey = NewPasskey();
        await store.SaveAsync(passkey, NewKey().Pkcs8);
        var path = Path.Combine(_directory.StoreDirectory, passkey.Passkey.Id + ".json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        var ciphertext = Base64Url.DecodeFromChars((string)json["private_key"]!["ciphertext"]!);
        ciphertext[0] ^= 1;
        json["private_key"]!["ciphertext"] = Base64Url.EncodeToString(ciphertext);
        await File.WriteAllTextAsync(path, json.ToJsonString());

        var error = await Assert.ThrowsAsync<PassbindException>(() => store.GetPrivateKeyAsync(passkey.Passkey.Id));

        Assert.Equal(PassbindErrorCodes.StoreError, error.Code);
    }

    [Fact]
    public async Task GetPrivateKeyAsync_SealedKeyMovedToAnotherEntry_ThrowsStoreError()
    {
        var store = NewStore();
        var victim = NewPasskey();
        var other = NewPasskey();
        await store.SaveAsync(victim, NewKey().Pkcs8);
        await store.SaveAsync(other, NewKey().Pkcs8);
        var victimJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_directory.StoreDirectory, victim.Passkey.Id + ".json")))!;
        var otherPath = Path.Combine(_directory.StoreDirectory, other.Passkey.Id + ".json");
        var otherJson = JsonNode.Parse(await File.ReadAllTextAsync(otherPath))!;
        otherJson["private_key"] = victimJson["private_key"]!.DeepClone();
        await File.WriteAllTextAsync(otherPath, otherJson.ToJsonString());

        var error = await Assert.ThrowsAsync<PassbindException>(() => store.GetPrivateKeyAsync(other.Passkey.Id));

        Assert.Equal(PassbindErrorCodes.StoreError, error.Code);
    }

    [Fact]
    public async Task GetPrivateKeyAsync_OtherStoreKey_ThrowsStoreError()
    {
        var passkey = NewPasskey();
        await NewStore().SaveAsync(passkey, NewKey().Pkcs8);

        var error = await Assert.ThrowsAsync<PassbindException>(
            () => NewStore(Path.Combine(_directory.Root, "other", "store.key")).GetPrivateKeyAsync(passkey.Passkey.Id));

        Assert.Equal(PassbindErrorCodes.StoreError, error.Code);
    }

    [Fact]
    public async Task GetPrivateKeyAsync_MissingId_ReturnsNull()
    {
        Assert.Null(await NewStore().GetPrivateKeyAsync(new string('a', 64)));
        Assert.Null(await NewStore().GetPrivateKeyAsync("../store.key"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("{\"version\":1}")]
    [InlineData("{\"version\":1,\"passkey\":{\"id\":\"x\"},\"credential_id\":\"a\"")]
    public async Task ListAsync_CorruptFile_SkipsItAndListsTheRest(string contents)
    {
        var store = NewStore();
        var good = NewPasskey();
        await store.SaveAsync(good, NewKey().Pkcs8);
        var corruptId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await File.WriteAllTextAsync(Path.Combine(_directory.StoreDirectory, corruptId + ".json"), contents);
        await File.WriteAllTextAsync(Path.Combine(_directory.StoreDirectory, $".{corruptId}.json.0011223344556677.tmp"), contents);

        Assert.Equal(good, Assert.Single(await store.ListAsync()));
        await Assert.ThrowsAsync<PassbindException>(() => store.GetPrivateKeyAsync(corruptId));
    }

    [Fact]
    public async Task ListAsync_FileRenamedToAnotherId_IsSkipped()
    {
        var store = NewStore();
        var passkey = NewPasskey();
        await store.SaveAsync(passkey, NewKey().Pkcs8);
        var renamed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        File.Move(
            Path.Combine(_directory.StoreDirectory, passkey.Passkey.Id + ".json"),
            Path.Combine(_directory.StoreDirectory, renamed + ".json"));

        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task ListAsync_NoDirectoryYet_ReturnsEmpty()
    {
        Assert.Empty(await NewStore().ListAsync());
    }

    [Fact]
    public async Task SaveAsync_SameIdAgain_ReplacesEntry()
    {
        var store = NewStore();
        var passkey = NewPasskey();
        await store.SaveAsync(passkey, NewKey().Pkcs8);
        var (second, _) = NewKey();
        var updated = passkey with { Passkey = passkey.Passkey with { State = PasskeyState.Revoked } };

        await store.SaveAsync(updated, second);

        Assert.Equal(updated, Assert.Single(await store.ListAsync()));
        Assert.Equal(second, await store.GetPrivateKeyAsync(passkey.Passkey.Id));
    }

    [Fact]
    public async Task DeleteAsync_StoredPasskey_RemovesFile()
    {
        var store = NewStore();
        var keep = NewPasskey();
        var gone = NewPasskey();
        await store.SaveAsync(keep, NewKey().Pkcs8);
        await store.SaveAsync(gone, NewKey().Pkcs8);

        await store.DeleteAsync(gone.Passkey.Id);
        await store.DeleteAsync(gone.Passkey.Id);

        Assert.Equal(keep, Assert.Single(await store.ListAsync()));
        Assert.Null(await store.GetPrivateKeyAsync(gone.Passkey.Id));
        Assert.False(File.Exists(Path.Combine(_directory.StoreDirectory, gone.Passkey.Id + ".json")));
    }

    [Fact]
    public async Task SaveAsync_ConcurrentFirstUse_AllEntriesReadableUnderOneKey()
    {
        var passkeys = Enumerable.Range(0, 16).Select(_ => (NewPasskey(), NewKey().Pkcs8)).ToList();

        // Separate store instances, as separate processes would be, released together to race to create the key file.
        using var barrier = new Barrier(passkeys.Count);
        var threads = passkeys.Select(p => new Thread(() =>
        {
            var store = NewStore();
            barrier.SignalAndWait();
            store.SaveAsync(p.Item1, p.Pkcs8).GetAwaiter().GetResult();
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        var store = NewStore();
        foreach (var (passkey, pkcs8) in passkeys)
        {
            Assert.Equal(pkcs8, await store.GetPrivateKeyAsync(passkey.Passkey.Id));
        }
    }

    [Fact]
    public async Task LoadOrCreateAsync_DamagedKeyFile_ThrowsStoreError()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_directory.StoreKeyFile)!);
        await File.WriteAllBytesAsync(_directory.StoreKeyFile, [1, 2, 3]);

        var error = await Assert.ThrowsAsync<PassbindException>(() => NewStore().SaveAsync(NewPasskey(), NewKey().Pkcs8));

        Assert.Equal(PassbindErrorCodes.StoreError, error.Code);
    }

    [Fact]
    public async Task NextSignCountAsync_Repeated_CountsFromOneAndKeepsTheCountInTheFile()
    {
        var store = NewStore();
        var passkey = NewPasskey();
        await store.SaveAsync(passkey, NewKey().Pkcs8);

        Assert.Equal(1u, await store.NextSignCountAsync(passkey.Passkey.Id));
        Assert.Equal(2u, await store.NextSignCountAsync(passkey.Passkey.Id));
        Assert.Equal(3u, await NewStore().NextSignCountAsync(passkey.Passkey.Id));
        Assert.Equal(passkey, Assert.Single(await NewStore().ListAsync()));   // nothing else changed
    }

    [Fact]
    public async Task NextSignCountAsync_ManyAtOnceFromTwoStores_NeverTheSameCountTwice()
    {
        var first = NewStore();
        var second = NewStore();
        var passkey = NewPasskey();
        await first.SaveAsync(passkey, NewKey().Pkcs8);

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).NextSignCountAsync(passkey.Passkey.Id))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (uint)i), counts.Order());
    }

    [Fact]
    public async Task NextSignCountAsync_FileWrittenBeforeSignIn_StartsAtOne()
    {
        var store = NewStore();
        var passkey = NewPasskey();
        await store.SaveAsync(passkey, NewKey().Pkcs8);
        var path = Path.Combine(_directory.StoreDirectory, passkey.Passkey.Id + ".json");
        var file = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        Assert.True(file.Remove("sign_count"));
        await File.WriteAllTextAsync(path, file.ToJsonString());

        Assert.Equal(1u, await store.NextSignCountAsync(passkey.Passkey.Id));
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("../escape")]
    public async Task NextSignCountAsync_NoSuchPasskey_ThrowsPasskeyNotFound(string id)
    {
        var error = await Assert.ThrowsAsync<PassbindException>(() => NewStore().NextSignCountAsync(id));

        Assert.Equal(PassbindErrorCodes.PasskeyNotFound, error.Code);
    }

    [Fact]
    public async Task DeleteAsync_AfterSignIn_RemovesTheLockFileToo()
    {
        var store = NewStore();
        var passkey = NewPasskey();
        await store.SaveAsync(passkey, NewKey().Pkcs8);
        await store.NextSignCountAsync(passkey.Passkey.Id);

        await store.DeleteAsync(passkey.Passkey.Id);

        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory.StoreDirectory));
    }
}
