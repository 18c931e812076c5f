using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>
/// One challenge, one code (issue 11; security catalogue #40): of many concurrent completions of one transaction,
/// each a valid assertion over its one challenge, exactly one earns a code and every other is told the sign-in is
/// complete.
/// </summary>
public abstract class SignInCeremonyConcurrencyTests(PassbindServer server)
{
    private const int Completions = 24;

    /// <summary>Transactions raced per test: a lost race is timing-dependent, so each test runs several.</summary>
    private const int Rounds = 3;

    private PassbindServer Server => server;

    [Fact]
    public async Task Complete_ManyParallelOnOneTransaction_ExactlyOneCode()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var link = await signIn.StartAsync();
            var options = await signIn.GetOptionsAsync(link);

            var outcomes = await CompleteInParallelAsync(link, options, passkey, round, [signIn.Browser]);

            await AssertExactlyOneCodeAsync(passkey, outcomes, round);
        }
    }

    /// <summary>Each completion is signed afresh with the same counter, as a replay of one assertion would be.</summary>
    private static async Task<(HttpStatusCode Status, string Body)[]> CompleteInParallelAsync(
        AuthenticateLink link, JsonElement options, BoundPasskey passkey, int round, IReadOnlyList<HttpClient> nodes)
    {
        var bodies = Enumerable.Range(0, Completions).Select(_ =>
        {
            var assertion = SignInClient.NewAssertion(passkey, options);
            assertion.SignCount = (uint)(round + 1);
            return SignInClient.CompleteBody(link, assertion.CreateResponse());
        }).ToList();

        using var start = new SemaphoreSlim(0);
        var tasks = bodies.Select(async (body, i) =>
        {
            await start.WaitAsync();
            using var response = await nodes[i % nodes.Count].PostAsync($"{link.TransactionPath}:completeAuthentication", Api.Json(body));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(Completions);
        return await Task.WhenAll(tasks);
    }

    private async Task AssertExactlyOneCodeAsync(BoundPasskey passkey, (HttpStatusCode Status, string Body)[] outcomes, int round)
    {
        var summary = string.Join("\n", outcomes.GroupBy(o => $"{(int)o.Status} {Api.ErrorCode(o.Body)}").Select(g => $"{g.Count()} × {g.Key}"));
        Assert.True(outcomes.All(o => (int)o.Status < 500), $"5xx answers:\n{summary}");
        Assert.Single(outcomes, o => o.Status == HttpStatusCode.OK);
        Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.Gone && Api.ErrorCode(o.Body) == "transaction_completed") == Completions - 1,
            $"expected 1 × 200 and {Completions - 1} × 410 transaction_completed, got:\n{summary}");

        using var scope = Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        Assert.Equal(round + 1, await db.AuthorizationCodes.CountAsync(c => c.IdentityId == passkey.IdentityId));
        Assert.Equal(round + 1, (await db.Credentials.AsNoTracking().SingleAsync(c => c.Id == passkey.ServerCredentialId)).SignCount);
    }

    public sealed class Sqlite(SqliteServer server) : SignInCeremonyConcurrencyTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : SignInCeremonyConcurrencyTests(server), IClassFixture<PostgreSqlServer>
    {
        /// <summary>The same through two server nodes on one database, requests alternating between them.</summary>
        [Fact]
        public async Task Complete_ManyParallelThroughTwoNodes_ExactlyOneCode()
        {
            await using var secondNode = new PassbindServerFactory(Server.Storage, Server.Time);
            using var secondClient = secondNode.CreateApiClient(accessToken: null);
            using var signIn = await SignInClient.ForBootstrapAsync(Server);
            var passkey = await signIn.BindPasskeyAsync();
            for (var round = 0; round < Rounds; round++)
            {
                var link = await signIn.StartAsync();
                var options = await signIn.GetOptionsAsync(link);

                var outcomes = await CompleteInParallelAsync(link, options, passkey, round, [signIn.Browser, secondClient]);

                await AssertExactlyOneCodeAsync(passkey, outcomes, round);
            }
        }
    }
}
