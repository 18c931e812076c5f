using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Features.Binding;
using Passbind.Server.Features.Email;
using Passbind.Server.Features.Retention;
using Passbind.Server.Tests.Email;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage.Entities;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Issue 13 finding 3: asking for options again and again stores nothing (challenges are sealed, not stored), and
/// what no request will read again (old outbox messages, the sealed link of expired dev-mailbox mail, expired token
/// records) is swept.
/// </summary>
public abstract class RetentionTests(PassbindServer server)
{
    [Fact]
    public async Task Options_ManyCallsOnOneLink_WriteOnlyTheFirstMoveAndAnyOfTheirChallengesBindsOnce()
    {
        using var ceremony = await BindingCeremonyClient.ForNewTenantAsync(server);
        var link = await ceremony.CreateLinkAsync();
        var first = await ceremony.GetOptionsAsync(link);
        var delivered = (await ceremony.GetJobAsync(link)).GetProperty("update_time").GetString();
        JsonElement last = first;
        for (var i = 0; i < 40; i++)
        {
            server.Time.Advance(TimeSpan.FromSeconds(1));
            last = await ceremony.GetOptionsAsync(link);
        }

        var job = await ceremony.GetJobAsync(link);
        Assert.Equal("REQUEST_DELIVERED", job.GetProperty("state").GetString());
        Assert.Equal(delivered, job.GetProperty("update_time").GetString());

        await ceremony.CompleteAsync(link, first);
        using var stale = BindingCeremonyClient.NewAuthenticator(last);
        using var refused = await ceremony.PostCompleteAsync(link, stale);
        await Api.AssertErrorAsync(refused, HttpStatusCode.Gone, "link_consumed");
    }

    [Fact]
    public async Task Sweep_RemovesTokenRecordsADayAfterTheyExpire()
    {
        var access = await server.CreateTenantAsync();
        Assert.NotEqual(0, await TokenRecordsAsync(access.ApplicationId));

        server.Time.Advance(TimeSpan.FromHours(1));
        await SweepAsync();
        Assert.NotEqual(0, await TokenRecordsAsync(access.ApplicationId));

        // Past the longest lifetime an application may give its tokens (90 days), and the day after.
        server.Time.Advance(TimeSpan.FromDays(92));
        await SweepAsync();
        Assert.Equal(0, await TokenRecordsAsync(access.ApplicationId));
    }

    [Fact]
    public async Task Sweep_DropsExpiredDevMailboxLinksThenOldMessages()
    {
        using var client = server.CreateClient();
        var identity = await server.CreateIdentityAsync();
        var body = JsonSerializer.Serialize(new { job = new { delivery_method = "EMAIL", authenticator_config_id = server.Bootstrap.AuthenticatorConfigId } });
        using var created = await client.PostAsync($"{server.Bootstrap.RealmPath}/identities/{Wire.Id(identity)}/credential-binding-jobs", Api.Json(body));
        var jobId = (await Api.ReadJsonAsync(created, expectedStatus: 200)).GetProperty("credential_binding_job").GetProperty("id").GetString()!;
        await Eventually.TrueAsync(async () => (await MessageAsync(jobId))?.State == OutboxStates.Sent, "the dev mailbox delivery");
        Assert.True(SealedLinks.IsSealed((await MessageAsync(jobId))!.Fields!), "the dev mailbox keeps the sealed link while the link lives");

        server.Time.Advance(TimeSpan.FromHours(25));
        await SweepAsync();
        var kept = await MessageAsync(jobId);
        Assert.NotNull(kept);
        Assert.False(SealedLinks.IsSealed(kept.Fields!), "an expired link's sealed form is removed");

        server.Time.Advance(TimeSpan.FromDays(7));
        await SweepAsync();
        Assert.Null(await MessageAsync(jobId));
    }

    private Task<int> SweepAsync() => server.Services.GetRequiredService<RetentionSweeper>().SweepAsync(CancellationToken.None);

    private Task<int> TokenRecordsAsync(string applicationId) => server.QueryDbAsync(db => db.IssuedTokens.CountAsync(t => t.ApplicationId == applicationId));

    private Task<OutboxMessage?> MessageAsync(string jobId) =>
        server.QueryDbAsync(db => db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.JobId == jobId));

    public sealed class Sqlite(SqliteServer server) : RetentionTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : RetentionTests(server), IClassFixture<PostgreSqlServer>;
}
