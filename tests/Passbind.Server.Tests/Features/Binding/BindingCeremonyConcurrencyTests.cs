using System.Net;
using System.Text.Json;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.Binding;

/// <summary>
/// Exactly-once redemption (catalogue #99, #100; issue 3): of many concurrent completions on one link, each a
/// distinct valid attestation over the same challenge, exactly one binds and every other gets <c>link_consumed</c>.
/// </summary>
public abstract class BindingCeremonyConcurrencyTests(PassbindServer server)
{
    private const int Completions = 48;

    /// <summary>Links raced per test: a lost race is timing-dependent, so each test runs several.</summary>
    private const int Rounds = 3;

    private PassbindServer Server => server;

    [Fact]
    public async Task Complete_ManyParallelOnOneLink_ExactlyOneBindsOthersGetLinkConsumed()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        for (var round = 0; round < Rounds; round++)
        {
            var link = await ceremony.CreateLinkAsync();
            var options = await ceremony.GetOptionsAsync(link);

            var outcomes = await CompleteInParallelAsync(link, options, [ceremony.Anonymous]);

            await AssertExactlyOneBoundAsync(ceremony, link, outcomes);
        }
    }

    /// <summary>One completion per software authenticator key, all over the same challenge, sent at once through <paramref name="nodes"/> in turn.</summary>
    private static async Task<(HttpStatusCode Status, string Body)[]> CompleteInParallelAsync(BindingLink link, JsonElement options, IReadOnlyList<HttpClient> nodes)
    {
        var bodies = Enumerable.Range(0, Completions).Select(_ =>
        {
            using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
            return BindingCeremonyClient.CompleteBody(link.Token, authenticator.CreateResponse());
        }).ToList();

        using var start = new SemaphoreSlim(0);
        var tasks = bodies.Select(async (body, i) =>
        {
            await start.WaitAsync();
            using var response = await nodes[i % nodes.Count].PostAsync(link.CompletePath, Api.Json(body));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(Completions);
        return await Task.WhenAll(tasks);
    }

    private static async Task AssertExactlyOneBoundAsync(BindingCeremonyClient ceremony, BindingLink link, (HttpStatusCode Status, string Body)[] outcomes)
    {
        var summary = string.Join("\n", outcomes.GroupBy(o => $"{(int)o.Status} {Api.ErrorCode(o.Body)}").Select(g => $"{g.Count()} × {g.Key}"));
        Assert.True(outcomes.All(o => (int)o.Status < 500), $"5xx answers:\n{summary}");
        var winner = Assert.Single(outcomes, o => o.Status == HttpStatusCode.OK);
        Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.Gone && Api.ErrorCode(o.Body) == "link_consumed") == Completions - 1, $"expected 1 × 200 and {Completions - 1} × 410 link_consumed, got:\n{summary}");

        using var bound = JsonDocument.Parse(winner.Body);
        var credentialId = bound.RootElement.GetProperty("credential").GetProperty("id").GetString();
        Assert.Equal(1, await ceremony.CountCredentialsAsync(link.IdentityId));
        var job = await ceremony.GetJobAsync(link);
        Assert.Equal("COMPLETE", job.GetProperty("state").GetString());
        Assert.Equal(credentialId, job.GetProperty("credential_id").GetString());
    }

    public sealed class Sqlite(SqliteServer server) : BindingCeremonyConcurrencyTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : BindingCeremonyConcurrencyTests(server), IClassFixture<PostgreSqlServer>
    {
        // Server (the base's), not the constructor parameter: capturing it here too would keep two copies.
        /// <summary>Catalogue #100: the same through two server nodes on one database, requests alternating between them.</summary>
        [Fact]
        public async Task Complete_ManyParallelOnOneLinkThroughTwoNodes_ExactlyOneBindsOthersGetLinkConsumed()
        {
            await using var secondNode = new PassbindServerFactory(Server.Storage, Server.Time);
            using var secondClient = secondNode.CreateApiClient(accessToken: null);
            using var ceremony = BindingCeremonyClient.ForBootstrap(Server);
            for (var round = 0; round < Rounds; round++)
            {
                var link = await ceremony.CreateLinkAsync();
                var options = await ceremony.GetOptionsAsync(link);

                var outcomes = await CompleteInParallelAsync(link, options, [ceremony.Anonymous, secondClient]);

                await AssertExactlyOneBoundAsync(ceremony, link, outcomes);
            }
        }
    }
}
