using System.Net;
using Passbind.Client;

namespace Passbind.Operations.Tests;

/// <summary>
/// <c>passbind admin backup</c> while a real server is under load, <c>passbind admin restore</c> into a new data
/// directory, and a server started there serving the same identities and passkeys (product.md fixed point 11).
/// </summary>
public sealed class BackupRestoreTests
{
    private const int AdminRefused = 8;

    [Fact]
    public async Task Backup_TakenUnderLoad_RestoredServerServesEveryIdentityAndPasskeyAcknowledgedBeforeIt()
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.Sqlite);
        using var restoredDirectory = new TemporaryDirectory();
        using var backups = new TemporaryDirectory();
        var backup = Path.Combine(backups.Path, "passbind-backup.db");
        var settings = ReadinessTests.Settings(storage);
        LoadGenerator load;
        TimeSpan backupStarted;
        await using (var node = await ServerNode.StartAsync(settings))
        {
            load = new LoadGenerator([node.BaseUrl], settings.BootstrapPath);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var running = load.RunAsync(workers: 3, operationsPerWorker: 12, stop.Token);
            await WaitForAsync(() => load.Of(LoadGenerator.Kind.Credential).Count() >= 3, TimeSpan.FromSeconds(60));

            backupStarted = load.Now;
            var backedUp = await CliProcess.RunAsync("admin", "backup", backup, "--data-directory", storage.DataDirectory);
            backedUp.AssertExit(0);
            Assert.Equal(backup, backedUp.Out.Trim());
            AssertOwnerOnly(backup);
            Assert.False(running.IsCompleted, "the load ended before the backup did: it was not taken under load");

            // A server has the database open: restoring over it is refused.
            var overRunning = await CliProcess.RunAsync("admin", "restore", backup, "--data-directory", storage.DataDirectory, "--force");
            overRunning.AssertExit(AdminRefused);
            Assert.StartsWith("passbind: database_in_use: ", overRunning.Error, StringComparison.Ordinal);

            await running;
            Assert.Empty(load.Failures);
        }

        // The operator's part (docs/operations.md): the master key, kept apart from the backups, and bootstrap.json.
        foreach (var name in new[] { "master.key", "bootstrap.json" })
        {
            File.Copy(Path.Combine(storage.DataDirectory, name), Path.Combine(restoredDirectory.Path, name));
        }

        var restored = await CliProcess.RunAsync("admin", "restore", backup, "--data-directory", restoredDirectory.Path);
        restored.AssertExit(0);
        Assert.Contains("kept master.key as it is", restored.Error, StringComparison.Ordinal);
        AssertOwnerOnly(Path.Combine(restoredDirectory.Path, "passbind.db"));
        var again = await CliProcess.RunAsync("admin", "restore", backup, "--data-directory", restoredDirectory.Path);
        again.AssertExit(AdminRefused);
        Assert.StartsWith("passbind: database_exists: ", again.Error, StringComparison.Ordinal);

        await using var restoredNode = await ServerNode.StartAsync(settings with { DataDirectory = restoredDirectory.Path, Port = ServerNode.FreePort() });
        var client = new PassbindClient(WithBase(PassbindClientOptions.FromBootstrapFile(restoredNode.Settings.BootstrapPath), restoredNode.BaseUrl));
        var before = load.Acknowledged.Where(a => a.At < backupStarted).ToList();
        Assert.NotEmpty(before);
        foreach (var identity in before.Where(a => a.Kind == LoadGenerator.Kind.Identity))
        {
            Assert.Equal(identity.IdentityId, (await client.Identities.GetAsync(identity.IdentityId)).Id);
        }

        foreach (var bound in before.Where(a => a.Kind == LoadGenerator.Kind.Credential))
        {
            var credential = await client.Credentials.GetAsync(bound.IdentityId, bound.CredentialId!);
            Assert.Equal("ACTIVE", credential.State);
            Assert.Equal(bound.CredentialId, (await client.CredentialBindingJobs.GetAsync(bound.IdentityId, bound.JobId!)).CredentialId);
        }

        // Nothing the backup holds is half-made: every passkey has its consumed job, and the other way round.
        await using var connection = await StorageSql.OpenAsync(TestDatabase.Sqlite, null, restoredDirectory.Path);
        Assert.Equal(0, await StorageSql.CountAsync(connection, Invariants.CredentialWithoutCompletedJob));
        Assert.Equal(0, await StorageSql.CountAsync(connection, Invariants.CompletedJobWithoutCredential));
        load.Dispose();
    }

    [Fact]
    public async Task Backup_PostgreSqlDataDirectory_RefusedPointingAtPgDump()
    {
        using var directory = new TemporaryDirectory();
        await File.WriteAllTextAsync(Path.Combine(directory.Path, "master.key"), Convert.ToBase64String(new byte[32]));

        var run = await CliProcess.RunAsync("admin", "backup", Path.Combine(directory.Path, "backup.db"), "--data-directory", directory.Path);

        run.AssertExit(AdminRefused);
        Assert.StartsWith("passbind: postgresql_data_directory: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("pg_dump", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "backup.db")));
    }

    private static PassbindClientOptions WithBase(PassbindClientOptions options, string baseUrl)
    {
        options.ApiBaseUrl = new Uri(baseUrl);
        options.AuthBaseUrl = new Uri(baseUrl);
        return options;
    }

    internal static async Task WaitForAsync(Func<bool> condition, TimeSpan bound)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"not reached within {bound}");
            await Task.Delay(100);
        }
    }

    /// <summary>A copy of the database is as private as the server's own file: 0600 (Unix file modes only).</summary>
    private static void AssertOwnerOnly(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is {File.GetUnixFileMode(file)}");
        }
    }
}
