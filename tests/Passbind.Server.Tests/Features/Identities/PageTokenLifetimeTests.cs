using System.Net;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Identities;

/// <summary>
/// A page token's seven-day lifetime. The test moves its server's clock by a week, which would expire the bootstrap
/// token the other identity tests share, so it has a server of its own.
/// </summary>
public abstract class PageTokenLifetimeTests(PassbindServer server)
{
    [Fact]
    public async Task List_PageToken_ServesForSevenDays_ThenReturns400()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        for (var i = 0; i < 3; i++)
        {
            await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        }

        using var first = await client.GetAsync($"{access.RealmPath}/identities?page_size=1");
        var token = (await Api.ReadJsonAsync(first, expectedStatus: 200)).GetProperty("next_page_token").GetString()!;

        // Access tokens are short-lived: each request below asks for a new one at the clock's time.
        server.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        using (var young = server.CreateClient(await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret)))
        using (var response = await young.GetAsync($"{access.RealmPath}/identities?page_token={Uri.EscapeDataString(token)}"))
        {
            Assert.Single((await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("identities").EnumerateArray());
        }

        server.Time.Advance(TimeSpan.FromMinutes(2));
        using var old = server.CreateClient(await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret));
        using var expired = await old.GetAsync($"{access.RealmPath}/identities?page_token={Uri.EscapeDataString(token)}");
        await Api.AssertErrorAsync(expired, HttpStatusCode.BadRequest, "bad_request", "page_token");
    }

    public sealed class Sqlite(SqliteServer server) : PageTokenLifetimeTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : PageTokenLifetimeTests(server), IClassFixture<PostgreSqlServer>;
}
