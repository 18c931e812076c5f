using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passbind.Server.Features.Email;
using Passbind.Server.Features.Oidc;
using Passbind.Server.Features.SignIn;
using Passbind.Server.Tests.Features.Binding;
using Passbind.Server.Tests.Infrastructure;
using Passbind.Storage;

namespace Passbind.Server.Tests.Features.SignIn;

/// <summary>
/// Email one-time codes (docs/sign-in-protocol.md §6, issue 11): the same answer for any address, a code by email
/// for a known one, at most five tries, five minutes, once; redeeming one completes the sign-in, and an identity
/// without a passkey gets a binding token that yields a binding link.
/// </summary>
public abstract partial class OneTimeCodeSignInTests(PassbindServer server)
{
    [Fact]
    public async Task Redeem_RightCode_AnswersCodeAndBindingTokenThatYieldsABindingLink()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var (identityId, email) = await CreateIdentityAsync(signIn);
        var link = await signIn.StartAsync();

        var sent = await SendAsync(signIn, link, email);
        Assert.Equal(link.Url, sent.GetProperty("url").GetString());
        var otp = await ReadCodeAsync(email);

        var redeemed = await signIn.CallAsync(link, "redeemOtp", new JsonObject { ["request"] = link.Request, ["otp"] = otp });

        Assert.Equal(JsonValueKind.Null, redeemed.GetProperty("message").ValueKind);
        var code = signIn.CodeOf(redeemed.GetProperty("redirect_url").GetString()!);
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            var issued = await db.AuthorizationCodes.AsNoTracking().SingleAsync(c => c.CodeHash == AuthorizationCodes.Hash(code));
            Assert.Equal(identityId, issued.IdentityId);
            Assert.Null(issued.CredentialId);
            Assert.Equal("otp", issued.Amr);
        }

        // The binding token gets the application a binding link for that identity, which binds a passkey.
        var bindingToken = redeemed.GetProperty("passkey_binding_token").GetString();
        Assert.False(string.IsNullOrEmpty(bindingToken));
        using var created = await PostBindingJobAsync(signIn, bindingToken);
        var job = await Api.ReadJsonAsync(created, expectedStatus: 200);
        Assert.Equal(identityId, job.GetProperty("credential_binding_job").GetProperty("identity_id").GetString());
        Assert.Equal(signIn.AuthenticatorConfigId, job.GetProperty("credential_binding_job").GetProperty("authenticator_config_id").GetString());
        Assert.Equal("RETURN", job.GetProperty("credential_binding_job").GetProperty("delivery_method").GetString());
        var bindingLink = BindingLink.Parse(job.GetProperty("credential_binding_link").GetString()!);
        Assert.Equal(identityId, bindingLink.IdentityId);
        await signIn.Binding.BindAsync(bindingLink);

        // With a passkey bound, the token has done its work.
        using var again = await PostBindingJobAsync(signIn, bindingToken);
        await Api.AssertErrorAsync(again, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Redeem_IdentityWithPasskey_NoBindingToken()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var (identityId, email) = await CreateIdentityAsync(signIn);
        await signIn.BindPasskeyAsync(identityId);
        var link = await signIn.StartAsync();
        await SendAsync(signIn, link, email);

        var redeemed = await signIn.CallAsync(link, "redeemOtp", new JsonObject { ["request"] = link.Request, ["otp"] = await ReadCodeAsync(email) });

        Assert.Equal(JsonValueKind.Null, redeemed.GetProperty("passkey_binding_token").ValueKind);
    }

    [Fact]
    public async Task Redeem_WrongCodeFiveTimes_ThenEvenTheRightCodeIsExpired()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var (_, email) = await CreateIdentityAsync(signIn);
        var link = await signIn.StartAsync();
        await SendAsync(signIn, link, email);
        var otp = await ReadCodeAsync(email);
        var wrong = otp == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            using var response = await RedeemAsync(signIn, link, wrong);
            await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "otp_invalid");
        }

        using var right = await RedeemAsync(signIn, link, otp);
        await Api.AssertErrorAsync(right, HttpStatusCode.Gone, "otp_expired");
    }

    [Fact]
    public async Task Redeem_AfterFiveMinutes_Expired()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var (_, email) = await CreateIdentityAsync(signIn);
        var link = await signIn.StartAsync();
        await SendAsync(signIn, link, email);
        var otp = await ReadCodeAsync(email);
        server.Time.Advance(TimeSpan.FromMinutes(5));

        using var response = await RedeemAsync(signIn, link, otp);

        await Api.AssertErrorAsync(response, HttpStatusCode.Gone, "otp_expired");
    }

    [Fact]
    public async Task Redeem_CodeUsedOnce_SecondUseExpired()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var (_, email) = await CreateIdentityAsync(signIn);
        var link = await signIn.StartAsync();
        await SendAsync(signIn, link, email);
        var otp = await ReadCodeAsync(email);
        using (var first = await RedeemAsync(signIn, link, otp))
        {
            await Api.ReadJsonAsync(first, expectedStatus: 200);
        }

        using var second = await RedeemAsync(signIn, link, otp);

        await Api.AssertErrorAsync(second, HttpStatusCode.Gone, "otp_expired");
    }

    [Fact]
    public async Task Send_UnknownAddress_SameAnswerNoEmailAndNoCodeRedeems()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var (_, known) = await CreateIdentityAsync(signIn);
        var unknown = $"{PassbindServer.NewUsername("nobody")}@example.com";
        var knownLink = await signIn.StartAsync();
        var unknownLink = await signIn.StartAsync();

        using var forKnown = await signIn.PostAsync(knownLink, "authenticateOtp", new JsonObject { ["request"] = knownLink.Request, ["email"] = known });
        using var forUnknown = await signIn.PostAsync(unknownLink, "authenticateOtp", new JsonObject { ["request"] = unknownLink.Request, ["email"] = unknown });

        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        var knownBody = await Api.ReadJsonAsync(forKnown, expectedStatus: 200);
        var unknownBody = await Api.ReadJsonAsync(forUnknown, expectedStatus: 200);
        Assert.Equal(knownBody.GetProperty("url").GetString()!.Replace(knownLink.Request, "", StringComparison.Ordinal),
            unknownBody.GetProperty("url").GetString()!.Replace(unknownLink.Request, "", StringComparison.Ordinal));
        Assert.Equal(0, await CountEmailsAsync(unknown));
        Assert.Equal(1, await CountEmailsAsync(known));

        using var guess = await RedeemAsync(signIn, unknownLink, "123456");
        await Api.AssertErrorAsync(guess, HttpStatusCode.BadRequest, "otp_invalid");

        // Asking again at once is refused alike for both.
        using var againKnown = await signIn.PostAsync(knownLink, "authenticateOtp", new JsonObject { ["request"] = knownLink.Request, ["email"] = known });
        using var againUnknown = await signIn.PostAsync(unknownLink, "authenticateOtp", new JsonObject { ["request"] = unknownLink.Request, ["email"] = unknown });
        await Api.AssertErrorAsync(againKnown, HttpStatusCode.TooManyRequests, "rate_limited");
        await Api.AssertErrorAsync(againUnknown, HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Send_AgainAfterAMinute_NewCodeReplacesTheOld()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var (_, email) = await CreateIdentityAsync(signIn);
        var link = await signIn.StartAsync();
        await SendAsync(signIn, link, email);
        var first = await ReadCodeAsync(email);
        server.Time.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(signIn, link, email);
        var second = await ReadCodeAsync(email);

        if (first != second)
        {
            using var old = await RedeemAsync(signIn, link, first);
            await Api.AssertErrorAsync(old, HttpStatusCode.BadRequest, "otp_invalid");
        }

        using var fresh = await RedeemAsync(signIn, link, second);
        await Api.ReadJsonAsync(fresh, expectedStatus: 200);
    }

    [Fact]
    public async Task Send_Email_HasLoginInstructionsSubjectAndTheCode()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var (_, email) = await CreateIdentityAsync(signIn);
        var link = await signIn.StartAsync();

        await SendAsync(signIn, link, email);

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == email);
        Assert.Equal("Login instructions", message.Subject);
        Assert.Equal("sign_in_code", message.Kind);
        Assert.Equal(server.Time.GetUtcNow().AddMinutes(5), message.LinkExpireTime);
        // Stored sealed (catalogue #8): the outbox holds no usable code; the sender opens it when it composes the message.
        Assert.True(SealedLinks.IsSealed(message.Fields!));
        Assert.Null(message.TextBody);
        var sent = scope.ServiceProvider.GetRequiredService<OutboxContent>().Open(message);
        Assert.Equal("Login instructions", sent.Subject);
        Assert.Matches(@"^\d{6}$", CodeIn(sent.TextBody));
        Assert.DoesNotContain(CodeIn(sent.TextBody), message.Fields, StringComparison.Ordinal);
        Assert.Contains(CodeIn(sent.TextBody), sent.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_BadFields_InvalidRequestNamingThem()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        var link = await signIn.StartAsync();

        using var email = await signIn.PostAsync(link, "authenticateOtp", new JsonObject { ["request"] = link.Request, ["email"] = "not an address" });
        await Api.AssertErrorAsync(email, HttpStatusCode.BadRequest, "invalid_request", "email");
        using var otp = await RedeemAsync(signIn, link, "12ab56");
        await Api.AssertErrorAsync(otp, HttpStatusCode.BadRequest, "invalid_request", "otp");
    }

    [Fact]
    public async Task Send_ConfigWithoutOneTimeCodes_Forbidden()
    {
        using var signIn = await SignInClient.ForNewTenantAsync(server);
        var link = await signIn.StartAsync();

        using var response = await signIn.PostAsync(link, "authenticateOtp", new JsonObject { ["request"] = link.Request, ["email"] = "a@example.com" });

        await Api.AssertErrorAsync(response, HttpStatusCode.Forbidden, "key_type_not_allowed");
    }

    [Fact]
    public async Task CreateBindingJob_BadOrForeignToken_Unauthorized()
    {
        using var signIn = await SignInClient.ForBootstrapAsync(server);
        using var other = await SignInClient.ForBootstrapAsync(server);
        var (_, email) = await CreateIdentityAsync(signIn);
        var link = await signIn.StartAsync();
        await SendAsync(signIn, link, email);
        var redeemed = await signIn.CallAsync(link, "redeemOtp", new JsonObject { ["request"] = link.Request, ["otp"] = await ReadCodeAsync(email) });
        var token = redeemed.GetProperty("passkey_binding_token").GetString();

        // Another application's issuer, the request JWT, garbage and nothing: all 401.
        using var foreign = await PostBindingJobAsync(other, token);
        await Api.AssertErrorAsync(foreign, HttpStatusCode.Unauthorized, "unauthorized");
        foreach (var bad in new[] { link.Request, "not-a-token", null })
        {
            using var response = await PostBindingJobAsync(signIn, bad);
            await Api.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        }

        server.Time.Advance(TimeSpan.FromMinutes(10));
        using var expired = await PostBindingJobAsync(signIn, token);
        await Api.AssertErrorAsync(expired, HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static async Task<(string IdentityId, string Email)> CreateIdentityAsync(SignInClient signIn)
    {
        var identity = await signIn.Binding.CreateIdentityAsync();
        return (identity.GetProperty("id").GetString()!, identity.GetProperty("traits").GetProperty("primary_email_address").GetString()!);
    }

    private static async Task<JsonElement> SendAsync(SignInClient signIn, AuthenticateLink link, string email) =>
        await signIn.CallAsync(link, "authenticateOtp", new JsonObject { ["request"] = link.Request, ["email"] = email.ToUpperInvariant() });

    private static Task<HttpResponseMessage> RedeemAsync(SignInClient signIn, AuthenticateLink link, string otp) =>
        signIn.PostAsync(link, "redeemOtp", new JsonObject { ["request"] = link.Request, ["otp"] = otp });

    private static Task<HttpResponseMessage> PostBindingJobAsync(SignInClient signIn, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{signIn.ApplicationPath}/credential-binding-jobs")
        {
            Content = Api.Json("""{"job":{"delivery_method":"RETURN","post_binding_redirect_uri":"https://app.example.com/bound"}}"""),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return signIn.Browser.SendAsync(request);
    }

    /// <summary>The code in the newest "Login instructions" email to <paramref name="email"/>, read from the outbox.</summary>
    private async Task<string> ReadCodeAsync(string email)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email && m.Kind == "sign_in_code").ToListAsync();
        var stored = messages.OrderByDescending(m => m.CreateTime).ThenByDescending(m => m.Id).First();
        return CodeIn(scope.ServiceProvider.GetRequiredService<OutboxContent>().Open(stored).TextBody);
    }

    private async Task<int> CountEmailsAsync(string email)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
        return await db.OutboxMessages.CountAsync(m => m.Recipient == email);
    }

    private static string CodeIn(string textBody) => CodeLine().Match(textBody).Value;

    [GeneratedRegex(@"(?m)^\d{6}$")]
    private static partial Regex CodeLine();

    public sealed class Sqlite(SqliteServer server) : OneTimeCodeSignInTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : OneTimeCodeSignInTests(server), IClassFixture<PostgreSqlServer>;
}
