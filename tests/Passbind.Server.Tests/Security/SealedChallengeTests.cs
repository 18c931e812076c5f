using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Passbind.Server.Features.Binding;
using Passbind.Server.Hosting;
using Passbind.Server.Secrets;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Features.SignIn;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// Ceremony challenges are sealed by the server, not stored (issue 12): a challenge counts only for the ceremony, job
/// or transaction and key it was made for, only until it expires, and only once, where the completion commits. Every
/// case goes through the HTTP API, and after every refusal the genuine challenge still works.
/// </summary>
public abstract class SealedChallengeTests(PassbindServer server)
{
    /// <summary>Bytes of a challenge to alter, one at a time: its flags, its expiry, its nonce and both halves of its MAC.</summary>
    public static TheoryData<int> AlteredBytes => new(0, 3, 10, 26, 35);

    [Theory]
    [MemberData(nameof(AlteredBytes))]
    public async Task Bind_ChallengeAlteredInOneBit_ChallengeNotFoundThenTheIssuedOneBinds(int index)
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);

        await AssertBindRefusedAsync(ceremony, link, options, Altered(BindingCeremonyClient.Challenge(options), index), "challenge_not_found");

        await ceremony.CompleteAsync(link, options);
    }

    [Fact]
    public async Task Bind_ChallengeOfAnotherJob_ChallengeNotFoundAndItsOwnJobBindsWithIt()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var identity = (await ceremony.CreateIdentityAsync()).GetProperty("id").GetString()!;
        var issuedFor = await ceremony.CreateLinkAsync(identity);
        var other = await ceremony.CreateLinkAsync(identity);
        var options = await ceremony.GetOptionsAsync(issuedFor);
        await ceremony.GetOptionsAsync(other);

        await AssertBindRefusedAsync(ceremony, other, options, BindingCeremonyClient.Challenge(options), "challenge_not_found");

        await ceremony.CompleteAsync(issuedFor, options);
    }

    [Fact]
    public async Task Bind_ChallengeForSignInOrUnderAnotherMasterKey_ChallengeNotFound()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        var expiry = server.Time.GetUtcNow().AddMinutes(5);

        var forSignIn = Challenges().Create(ChallengePurpose.SignIn, link.JobId, KeyTypes.WebAuthn, [], expiry);
        await AssertBindRefusedAsync(ceremony, link, options, forSignIn, "challenge_not_found");
        var otherServer = OtherServerChallenges().Create(ChallengePurpose.Binding, link.JobId, KeyTypes.WebAuthn, [], expiry);
        await AssertBindRefusedAsync(ceremony, link, options, otherServer, "challenge_not_found");

        // The same call with this server's key is a challenge it accepts: the refusals above were the purpose and the key.
        var genuine = Challenges().Create(ChallengePurpose.Binding, link.JobId, KeyTypes.WebAuthn, [], expiry);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        authenticator.ClientData["challenge"] = Base64Url.EncodeToString(genuine);
        using var bound = await ceremony.PostCompleteAsync(link, authenticator);
        await Api.ReadJsonAsync(bound, expectedStatus: 200);
    }

    [Fact]
    public async Task Bind_ChallengeExpired_ChallengeExpiredThenNewOptionsBind()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var options = await ceremony.GetOptionsAsync(link);
        server.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1));

        await AssertBindRefusedAsync(ceremony, link, options, BindingCeremonyClient.Challenge(options), "challenge_expired");

        await ceremony.BindAsync(link);
    }

    [Fact]
    public async Task Bind_ReplayedAfterBinding_LinkConsumedForTheSameAndForAnotherChallenge()
    {
        using var ceremony = BindingCeremonyClient.ForBootstrap(server);
        var link = await ceremony.CreateLinkAsync();
        var first = await ceremony.GetOptionsAsync(link);
        var second = await ceremony.GetOptionsAsync(link);
        using var authenticator = BindingCeremonyClient.NewAuthenticator(first);
        var body = BindingCeremonyClient.CompleteBody(link.Token, authenticator.CreateResponse());
        using (var bound = await ceremony.PostCompleteAsync(link, body))
        {
            await Api.ReadJsonAsync(bound, expectedStatus: 200);
        }

        using var replayed = await ceremony.PostCompleteAsync(link, body);
        await Api.AssertErrorAsync(replayed, HttpStatusCode.Gone, "link_consumed");
        using var otherChallenge = BindingCeremonyClient.NewAuthenticator(second);
        using var again = await ceremony.PostCompleteAsync(link, otherChallenge);
        await Api.AssertErrorAsync(again, HttpStatusCode.Gone, "link_consumed");
    }

    [Theory]
    [MemberData(nameof(AlteredBytes))]
    public async Task SignIn_ChallengeAlteredInOneBit_ChallengeNotFoundThenTheIssuedOneSignsIn(int index)
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);

        await AssertSignInRefusedAsync(signIn, link, passkey, options, Altered(ChallengeOf(options), index));

        using var signedIn = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options));
        await Api.ReadJsonAsync(signedIn, expectedStatus: 200);
    }

    [Fact]
    public async Task SignIn_ChallengeOfAnotherTransactionForBindingOrUnderAnotherMasterKey_ChallengeNotFound()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);
        var otherTransaction = await signIn.GetOptionsAsync(await signIn.StartAsync());
        var expiry = server.Time.GetUtcNow().AddMinutes(5);

        foreach (var challenge in new[]
        {
            ChallengeOf(otherTransaction),
            Challenges().Create(ChallengePurpose.Binding, link.TransactionId, KeyTypes.WebAuthn, [], expiry),
            OtherServerChallenges().Create(ChallengePurpose.SignIn, link.TransactionId, KeyTypes.WebAuthn, [], expiry),
        })
        {
            await AssertSignInRefusedAsync(signIn, link, passkey, options, challenge);
        }

        using var signedIn = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options));
        await Api.ReadJsonAsync(signedIn, expectedStatus: 200);
    }

    [Fact]
    public async Task SignIn_NamedCredentialsChallengeAnsweredByAnother_CredentialNotAllowedEvenWithItsOwnIdSpliced()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var named = await signIn.BindPasskeyAsync();
        var other = await signIn.BindPasskeyAsync(named.IdentityId);
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link, credentialId: Base64Url.EncodeToString(named.CredentialId));
        var forOther = await signIn.GetOptionsAsync(link, credentialId: Base64Url.EncodeToString(other.CredentialId));

        // The first half of the MAC says the challenge is this transaction's; the second, which credential it names.
        var spliced = ChallengeOf(options);
        ChallengeOf(forOther).AsSpan(31).CopyTo(spliced.AsSpan(31));
        var assertion = SignInClient.NewAssertion(other, options);
        assertion.ClientData["challenge"] = Base64Url.EncodeToString(spliced);
        using var refused = await signIn.PostCompleteAsync(link, assertion);
        var error = await Api.AssertErrorAsync(refused, HttpStatusCode.BadRequest, "authentication_failed");
        Assert.Equal("credential_not_allowed", error.GetProperty("details")[0].GetProperty("reason").GetString());

        using var signedIn = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(other, forOther));
        await Api.ReadJsonAsync(signedIn, expectedStatus: 200);
    }

    [Fact]
    public async Task SignIn_ChallengeExpired_ChallengeExpired()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);
        server.Time.Advance(TimeSpan.FromMinutes(5));

        using var expired = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options));
        await Api.AssertErrorAsync(expired, HttpStatusCode.BadRequest, "challenge_expired");
    }

    [Fact]
    public async Task SignIn_ReplayedAfterCompletion_TransactionCompletedAndNoSecondCode()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync();
        var options = await signIn.GetOptionsAsync(link);
        var body = SignInClient.CompleteBody(link, SignInClient.NewAssertion(passkey, options).CreateResponse());
        using (var signedIn = await signIn.PostAsync(link, "completeAuthentication", body))
        {
            await Api.ReadJsonAsync(signedIn, expectedStatus: 200);
        }

        using var replayed = await signIn.PostAsync(link, "completeAuthentication", body);
        await Api.AssertErrorAsync(replayed, HttpStatusCode.Gone, "transaction_completed");
        using var withNewCount = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, options));
        await Api.AssertErrorAsync(withNewCount, HttpStatusCode.Gone, "transaction_completed");
    }

    private static async Task AssertBindRefusedAsync(BindingCeremonyClient ceremony, BindingLink link, JsonElement options, byte[] challenge, string code)
    {
        using var authenticator = BindingCeremonyClient.NewAuthenticator(options);
        authenticator.ClientData["challenge"] = Base64Url.EncodeToString(challenge);
        using var response = await ceremony.PostCompleteAsync(link, authenticator);
        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    private static async Task AssertSignInRefusedAsync(SignInClient signIn, AuthenticateLink link, BoundPasskey passkey, JsonElement options, byte[] challenge)
    {
        var assertion = SignInClient.NewAssertion(passkey, options);
        assertion.ClientData["challenge"] = Base64Url.EncodeToString(challenge);
        using var refused = await signIn.PostCompleteAsync(link, assertion);
        await Api.AssertErrorAsync(refused, HttpStatusCode.BadRequest, "challenge_not_found");
    }

    private static byte[] Altered(byte[] challenge, int index)
    {
        var altered = challenge.ToArray();
        altered[index] ^= 0x01;
        return altered;
    }

    private static byte[] ChallengeOf(JsonElement publicKey) => Base64Url.DecodeFromChars(publicKey.GetProperty("challenge").GetString());

    private SealedChallenges Challenges() => server.Services.GetRequiredService<SealedChallenges>();

    private static SealedChallenges OtherServerChallenges() => new(new MasterKey(
        Options.Create(new MasterKeyOptions { MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }),
        Options.Create(new ServerOptions())));

    public sealed class Sqlite(SqliteServer server) : SealedChallengeTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : SealedChallengeTests(server), IClassFixture<PostgreSqlServer>;
}
