using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Passbind.Server.Features.Email;
using Passbind.Server.Tests.Email;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Issue 13 finding 1 (catalogue #8): what the server keeps on disk and in its database reveals no usable binding
/// link, before or after the email is sent, and its files are readable by the server's user only.
/// </summary>
public abstract partial class SecretsAtRestTests(TestDatabase database)
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task EmailedLink_StoredSealedUntilSentThenRemoved()
    {
        await using var store = new EmailTestStore(postgreSql: database == TestDatabase.PostgreSql);
        await using var smtp = new SmtpCaptureServer().Start();
        await using var factory = new EmailServerFactory(store, smtp.Port, runSender: false);
        var api = await factory.StartApiAsync();
        var (_, jobId) = await api.CreateIdentityWithEmailJobAsync("dora@example.test");
        var queued = await EmailDeliveryTests.ReadOutboxAsync(factory, jobId);
        var beforeSending = await DumpAsync(factory, store);

        Assert.Equal(1, await factory.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None));

        var mail = Assert.Single(smtp.Messages);
        var link = LinkInMail().Match(mail.TextBody ?? string.Empty);
        Assert.True(link.Success, mail.TextBody);
        var token = link.Groups["token"].Value;
        Assert.Contains(link.Value, WebUtility.HtmlDecode(mail.HtmlBody), StringComparison.Ordinal);
        using (var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        using (var opened = await anonymous.GetAsync(new Uri(link.Value).PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        }

        var afterSending = await DumpAsync(factory, store);
        var sent = await EmailDeliveryTests.ReadOutboxAsync(factory, jobId);
        Assert.True(SealedLinks.IsSealed(queued.Fields!), "a queued binding email keeps its link sealed");
        Assert.True(queued.TextBody is null && queued.HtmlBody is null, "a queued message is stored as its fields, not rendered");
        Assert.DoesNotContain(token, beforeSending, StringComparison.Ordinal);
        Assert.DoesNotContain(token, afterSending, StringComparison.Ordinal);
        Assert.False(SealedLinks.IsSealed(sent.Fields!), "a sent message keeps no sealed link");
        Assert.Contains($"token={SealedLinks.Removed}", sent.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmailForRevokedJob_NotSentAndItsSealedLinkRemoved()
    {
        await using var store = new EmailTestStore(postgreSql: database == TestDatabase.PostgreSql);
        await using var smtp = new SmtpCaptureServer().Start();
        await using var factory = new EmailServerFactory(store, smtp.Port, runSender: false);
        var api = await factory.StartApiAsync();
        var (identityId, jobId) = await api.CreateIdentityWithEmailJobAsync("eve@example.test");
        using (var revoked = await api.Client.PostAsync($"/v1/tenants/{api.TenantId}/realms/{api.RealmId}/identities/{identityId}/credential-binding-jobs/{jobId}:revoke", Api.Json("{}")))
        {
            Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());
        }

        await factory.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);

        var row = await EmailDeliveryTests.ReadOutboxAsync(factory, jobId);
        Assert.Empty(smtp.Messages);
        Assert.Equal(OutboxStates.Cancelled, row.State);
        Assert.False(SealedLinks.IsSealed(row.Fields!), "a message that will never be sent keeps no sealed link");
    }

    [Fact]
    public async Task DataFiles_OwnerOnly_NewAndNarrowedAtRestart()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var storage = await TestStorage.CreateAsync(database);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        File.SetUnixFileMode(storage.DataDirectory, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var files = database == TestDatabase.Sqlite
            ? new[] { "passbind.db", "passbind.db-wal", "passbind.db-shm", "master.key", "bootstrap.json" }
            : ["master.key", "bootstrap.json"];

        await using (var first = new PassbindServerFactory(storage, time))
        {
            first.EnsureStarted();
            AssertModes(storage.DataDirectory, files);
        }

        File.SetUnixFileMode(storage.DataDirectory, OwnerOnlyDirectory | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (database == TestDatabase.Sqlite)
        {
            File.SetUnixFileMode(Path.Combine(storage.DataDirectory, "passbind.db"), OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        await using var second = new PassbindServerFactory(storage, time);
        second.EnsureStarted();
        AssertModes(storage.DataDirectory, files);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void AssertModes(string dataDirectory, string[] files)
    {
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(dataDirectory));
        foreach (var file in files)
        {
            var path = Path.Combine(dataDirectory, file);
            Assert.True(File.Exists(path), $"{file} does not exist");
            Assert.True(File.GetUnixFileMode(path) == OwnerOnlyFile, $"{file} is {File.GetUnixFileMode(path)}");
        }
    }

    /// <summary>What a dump of the database shows: every stored outbox text, and for SQLite the raw bytes of its files.</summary>
    private static async Task<string> DumpAsync(EmailServerFactory factory, EmailTestStore store)
    {
        var dump = new StringBuilder();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            foreach (var message in await db.OutboxMessages.AsNoTracking().ToListAsync())
            {
                dump.Append(JsonSerializer.Serialize(message)).Append('\n');
            }
        }

        if (store.ConnectionString is null)
        {
            foreach (var path in Directory.GetFiles(store.DataDirectory, "passbind.db*"))
            {
                await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes);
                dump.Append(Encoding.Latin1.GetString(bytes.ToArray()));
            }
        }

        return dump.ToString();
    }

    [GeneratedRegex("https?://[^\\s]+:invokeAuthenticator\\?token=(?<token>[A-Za-z0-9_-]{40,})")]
    private static partial Regex LinkInMail();

    public sealed class Sqlite() : SecretsAtRestTests(TestDatabase.Sqlite);

    public sealed class PostgreSql() : SecretsAtRestTests(TestDatabase.PostgreSql);
}
