using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>
/// A whole sign-in, from authorize through the passkey's assertion to the relying party's code exchange (issue 11's
/// OIDC negative cases that span the ceremony and the token endpoint): the nonce of each authorize request reaches
/// only its own id_token, and nothing of a finished sign-in can be replayed into a second id_token bearing it.
/// </summary>
public abstract class SignInTokenExchangeTests(PassbindServer server)
{
    [Fact]
    public async Task Exchange_TwoSignIns_EachIdTokenCarriesItsOwnNonceAndAuthTime()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();

        var first = await SignInAsync(signIn, passkey, "nonce-first", signCount: 1);
        server.Time.Advance(TimeSpan.FromSeconds(5));
        var second = await SignInAsync(signIn, passkey, "nonce-second", signCount: 2);

        var firstClaims = IdTokenClaims(first);
        var secondClaims = IdTokenClaims(second);
        Assert.Equal("nonce-first", firstClaims.GetProperty("nonce").GetString());
        Assert.Equal("nonce-second", secondClaims.GetProperty("nonce").GetString());
        Assert.Equal(passkey.IdentityId, firstClaims.GetProperty("sub").GetString());
        Assert.Equal(signIn.Issuer, firstClaims.GetProperty("iss").GetString());
        Assert.Equal(5, secondClaims.GetProperty("auth_time").GetInt64() - firstClaims.GetProperty("auth_time").GetInt64());
    }

    [Fact]
    public async Task Exchange_AuthorizeWithoutNonce_IdTokenHasNone()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();

        var tokens = await SignInAsync(signIn, passkey, nonce: null, signCount: 1);

        Assert.False(IdTokenClaims(tokens).TryGetProperty("nonce", out _));
    }

    /// <summary>
    /// Nonce replay: the relying party's nonce is spent with its first id_token. Replaying the completion is
    /// <c>transaction_completed</c>, replaying the code is <c>invalid_grant</c> and revokes the access token the code
    /// first earned, and a new authorize with the same nonce needs a new assertion: no second id_token comes out of
    /// the first sign-in.
    /// </summary>
    [Fact]
    public async Task Exchange_ReplayedCompletionOrCode_NoSecondIdTokenAndTheFirstAccessTokenIsRevoked()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync(p => p["nonce"] = "nonce-once");
        var completion = SignInClient.CompleteBody(link, SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(link)).CreateResponse());
        using var completed = await signIn.PostAsync(link, "completeAuthentication", completion);
        var code = signIn.CodeOf((await Api.ReadJsonAsync(completed, expectedStatus: 200)).GetProperty("redirect_url").GetString()!);
        using var exchanged = await RedeemAsync(signIn, code);
        var tokens = await Api.ReadJsonAsync(exchanged, expectedStatus: 200);
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        using (var userInfo = await UserInfoAsync(signIn, accessToken))
        {
            Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        }

        using var completedAgain = await signIn.PostAsync(link, "completeAuthentication", completion);
        await Api.AssertErrorAsync(completedAgain, HttpStatusCode.Gone, "transaction_completed");

        using var redeemedAgain = await RedeemAsync(signIn, code);
        var error = await Api.ReadJsonAsync(redeemedAgain, expectedStatus: 400);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.False(error.TryGetProperty("id_token", out _));
        using (var userInfo = await UserInfoAsync(signIn, accessToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, userInfo.StatusCode);
        }

        // The same nonce on a new authorize request opens a new transaction, which the old assertion cannot complete.
        var again = await signIn.StartAsync(p => p["nonce"] = "nonce-once");
        var options = await signIn.GetOptionsAsync(again);
        var replayed = JsonNode.Parse(completion)!.AsObject();
        replayed["request"] = again.Request;
        using var oldAssertion = await signIn.PostAsync(again, "completeAuthentication", replayed);
        await Api.AssertErrorAsync(oldAssertion, HttpStatusCode.BadRequest, "challenge_not_found");
        var freshAssertion = SignInClient.NewAssertion(passkey, options);
        freshAssertion.SignCount = 2;
        using var fresh = await signIn.PostCompleteAsync(again, freshAssertion);
        await Api.ReadJsonAsync(fresh, expectedStatus: 200);
    }

    /// <summary>A passkey revoked between the assertion and the code exchange: the code it earned buys no tokens.</summary>
    [Fact]
    public async Task Exchange_PasskeyRevokedAfterTheAssertion_CodeRefused()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var passkey = await signIn.BindPasskeyAsync();
        var link = await signIn.StartAsync(p => p["nonce"] = "nonce-revoked");
        using var completed = await signIn.PostCompleteAsync(link, SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(link)));
        var code = signIn.CodeOf((await Api.ReadJsonAsync(completed, expectedStatus: 200)).GetProperty("redirect_url").GetString()!);
        await signIn.RevokeAsync(passkey);

        using var exchanged = await RedeemAsync(signIn, code);

        var error = await Api.ReadJsonAsync(exchanged, expectedStatus: 400);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Equal("the passkey that signed in is no longer active", error.GetProperty("error_description").GetString());
    }

    /// <summary>authorize with <paramref name="nonce"/>, an assertion counting <paramref name="signCount"/>, and the code exchange.</summary>
    private static async Task<JsonElement> SignInAsync(SignInClient signIn, BoundPasskey passkey, string? nonce, uint signCount)
    {
        var link = await signIn.StartAsync(p => p["nonce"] = nonce);
        var assertion = SignInClient.NewAssertion(passkey, await signIn.GetOptionsAsync(link));
        assertion.SignCount = signCount;
        using var completed = await signIn.PostCompleteAsync(link, assertion);
        var redirectUrl = (await Api.ReadJsonAsync(completed, expectedStatus: 200)).GetProperty("redirect_url").GetString()!;
        using var response = await RedeemAsync(signIn, signIn.CodeOf(redirectUrl));
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    private static Task<HttpResponseMessage> RedeemAsync(SignInClient signIn, string code)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{signIn.ApplicationPath}/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = SignInClient.RedirectUri,
                ["code_verifier"] = SignInClient.CodeVerifier,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{signIn.Application.ClientId}:{signIn.ClientSecret}")));
        return signIn.Browser.SendAsync(request);
    }

    private static Task<HttpResponseMessage> UserInfoAsync(SignInClient signIn, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{signIn.ApplicationPath}/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return signIn.Browser.SendAsync(request);
    }

    private static JsonElement IdTokenClaims(JsonElement tokens) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(tokens.GetProperty("id_token").GetString()!.Split('.')[1])).RootElement.Clone();

    public sealed class Sqlite(SqliteServer server) : SignInTokenExchangeTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : SignInTokenExchangeTests(server), IClassFixture<PostgreSqlServer>;
}
