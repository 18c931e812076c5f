using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Features.Email;
using Passbind.Storage;
using Passbind.Server.Tests.Email;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Issue 13 finding 2: the dev mailbox is an explicit development choice (Development only, this machine only),
/// every other environment says once at start what happens to mail, and only configured hosts are answered.
/// </summary>
public sealed class DevMailboxAccessTests
{
    [Fact]
    public async Task DevMailbox_Development_AnswersLoopbackOnly()
    {
        await using var store = new EmailTestStore(postgreSql: false);
        await using var factory = new EmailServerFactory(store, smtpPort: null);
        await factory.StartApiAsync();

        var local = await GetMailboxAsync(factory, IPAddress.Loopback);
        var localV6 = await GetMailboxAsync(factory, IPAddress.IPv6Loopback);
        var remote = await GetMailboxAsync(factory, IPAddress.Parse("203.0.113.9"));
        var lan = await GetMailboxAsync(factory, IPAddress.Parse("192.168.1.20"));

        Assert.Equal((200, 200, 404, 404), (local, localV6, remote, lan));
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public async Task DevMailbox_NotDevelopment_NotServedAndOneStartLine(string environment)
    {
        await using var store = new EmailTestStore(postgreSql: false);
        var logs = new CapturedLogs();
        await using var factory = new EmailServerFactory(store, smtpPort: null, environment).WithWebHostBuilder(
            builder => builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var api = await EmailApi.StartAsync(factory, store.DataDirectory);
        for (var i = 0; i < 3; i++)
        {
            await api.CreateIdentityWithEmailJobAsync($"user{i}@example.test");
        }

        await Eventually.TrueAsync(async () =>
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            return await db.OutboxMessages.CountAsync(m => m.State == OutboxStates.Sent) == 3;
        }, "three messages kept");

        Assert.Equal(404, await GetMailboxAsync(factory, IPAddress.Loopback));
        var mailLines = logs.Entries.Where(e => e.Level >= LogLevel.Information && e.Message.Contains("SMTP", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(mailLines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("kept in the database and never delivered", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Information && e.Message.Contains("/dev/mailbox", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("localhost:5000", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("evil.test", HttpStatusCode.BadRequest)]
    [InlineData("id.example.com.evil.test", HttpStatusCode.BadRequest)]
    public async Task Hosts_OnlyPublicBaseUrlAndLoopbackAnswered(string host, HttpStatusCode expected)
    {
        await using var storage = await TestStorage.CreateAsync(TestDatabase.Sqlite);
        await using var factory = new PassbindServerFactory(storage, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow));
        using var client = factory.CreateApiClient(accessToken: null);
        client.DefaultRequestHeaders.Host = host;

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task<int> GetMailboxAsync(WebApplicationFactory<Program> factory, IPAddress from)
    {
        var context = await factory.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = DevMailboxEndpoints.Path;
            http.Request.Host = new HostString("localhost");
            http.Connection.RemoteIpAddress = from;
        });
        return context.Response.StatusCode;
    }
}
