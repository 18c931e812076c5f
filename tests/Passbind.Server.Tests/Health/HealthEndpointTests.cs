using System.Net;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Health;

/// <summary><c>GET /healthz</c> (product.md fixed point 8).</summary>
public abstract class HealthEndpointTests(PassbindServer server)
{
    [Fact]
    public async Task Get_WithoutToken_Returns200()
    {
        using var client = server.CreateClient(accessToken: null);

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public sealed class Sqlite(SqliteServer server) : HealthEndpointTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : HealthEndpointTests(server), IClassFixture<PostgreSqlServer>;
}
