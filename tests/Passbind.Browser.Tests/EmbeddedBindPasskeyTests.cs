using System.Net;
using System.Text;
using System.Text.Json;
using Passbind.Client;

namespace Passbind.Browser.Tests;

/// <summary>
/// The browser SDK's <c>bindPasskey</c> in Chromium against the real server, driven from a page of the sample app
/// (whose import map resolves the seed's <c>@beyondidentity/bi-sdk-js</c> to the server's <c>/sdk/passbind.js</c>).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EmbeddedBindPasskeyTests(RunningPassbind stack)
{
    // The seed's "Call bindPasskey after validating passkey binding URL" example, verbatim between the markers; the
    // lines around it only import the SDK and hand the result back to the test.
    private const string SeedBindExample = """
        async (passkeyBindingLink) => {
          const {Embedded} = await import('@beyondidentity/bi-sdk-js');
          const seed = async () => {
            // --- seed, verbatim ---
            const embedded = await Embedded.initialize();
            if (await embedded.isBindPasskeyUrl(passkeyBindingLink)) {
              let result = await embedded.bindPasskey(passkeyBindingLink);
              //consume result and redirect the user
              return result;
            }
            // --- end of seed ---
            return null;
          };
          const result = await seed();
          return result && {passkey: result.passkey, postBindRedirect: result.postBindRedirect,
                            postBindingRedirectUri: result.postBindingRedirectUri, credentialIsPasskey: result.credential === result.passkey};
        }
        """;

    // Binds, then binds again with the same link, and reports how the second call failed.
    private const string BindTwice = """
        async (link) => {
          const {Embedded, PassbindError} = await import('@beyondidentity/bi-sdk-js');
          const embedded = await Embedded.initialize();
          const first = await embedded.bindPasskey(link, {keyType: "subtle"});
          try {
            await embedded.bindPasskey(link, {keyType: "subtle"});
            return {first: first.passkey.passkeyId, second: "resolved"};
          } catch (error) {
            return {first: first.passkey.passkeyId, isPassbindError: error instanceof PassbindError,
                    code: error.code, status: error.status ?? null, text: error.toString()};
          }
        }
        """;

    private const string BindAndCatch = """
        async (link) => {
          const {Embedded, PassbindError} = await import('@beyondidentity/bi-sdk-js');
          const embedded = await Embedded.initialize();
          try {
            await embedded.bindPasskey(link);
            return {code: "resolved"};
          } catch (error) {
            return {isPassbindError: error instanceof PassbindError, code: error.code, message: error.message};
          }
        }
        """;

    // A real WebAuthn registration made by the page (origin: the sample), for the test to post itself.
    private const string CreateCredential = """
        async (publicKeyJson) => {
          const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse(publicKeyJson));
          const credential = await navigator.credentials.create({publicKey});
          return credential.toJSON();
        }
        """;

    [Fact]
    public async Task BindPasskey_SeedExampleVerbatim_BindsAndServerShowsCredential()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var (identity, job) = await stack.CreateLinkAsync(stack.SampleAuthenticatorConfigId, "http://example.com");
        await page.GotoAsync(new Uri(stack.SampleUrl, "/passkeys").ToString());

        var result = await page.EvaluateAsync<JsonElement>(SeedBindExample, job.CredentialBindingLink);

        Assert.Equal(JsonValueKind.Object, result.ValueKind);
        var passkey = result.GetProperty("passkey");
        Assert.Equal("http://example.com", result.GetProperty("postBindRedirect").GetString());
        Assert.Equal("http://example.com", result.GetProperty("postBindingRedirectUri").GetString());
        Assert.True(result.GetProperty("credentialIsPasskey").GetBoolean());
        Assert.Equal("webauthn", passkey.GetProperty("keyType").GetString());
        Assert.Equal("Active", passkey.GetProperty("state").GetString());
        Assert.Equal(identity.Id, passkey.GetProperty("identity").GetProperty("id").GetString());
        Assert.Equal(identity.Traits.Username, passkey.GetProperty("identity").GetProperty("username").GetString());
        Assert.Equal(stack.Client.TenantId, passkey.GetProperty("tenant").GetProperty("id").GetString());

        var passkeyId = passkey.GetProperty("passkeyId").GetString();
        var bound = await stack.Client.CredentialBindingJobs.GetAsync(identity.Id, job.CredentialBindingJob.Id);
        Assert.Equal(CredentialBindingJobStates.Complete, bound.State);
        Assert.Equal(passkeyId, bound.CredentialId);
        var credential = await stack.Client.Credentials.GetAsync(identity.Id, passkeyId!);
        Assert.Equal(CredentialStates.Active, credential.State);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task BindPasskey_SameLinkTwice_SecondFailsWithLinkConsumed()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var (identity, job) = await stack.CreateLinkAsync(stack.SampleAuthenticatorConfigId);
        await page.GotoAsync(new Uri(stack.SampleUrl, "/passkeys").ToString());

        var outcome = await page.EvaluateAsync<JsonElement>(BindTwice, job.CredentialBindingLink);

        Assert.True(outcome.GetProperty("isPassbindError").GetBoolean(), outcome.GetRawText());
        Assert.Equal("link_consumed", outcome.GetProperty("code").GetString());
        Assert.Equal(410, outcome.GetProperty("status").GetInt32());
        Assert.StartsWith("PassbindError [link_consumed]: ", outcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        var bound = await stack.Client.CredentialBindingJobs.GetAsync(identity.Id, job.CredentialBindingJob.Id);
        Assert.Equal(outcome.GetProperty("first").GetString(), bound.CredentialId);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task BindPasskey_PageOriginNotTrusted_BrowserRefusesWithNetworkErrorAndNothingIsBound()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        // The bootstrap config trusts only the server's own origin; the page is the sample's.
        var (identity, job) = await stack.CreateLinkAsync(stack.ServerAuthenticatorConfigId);
        await page.GotoAsync(new Uri(stack.SampleUrl, "/passkeys").ToString());

        var outcome = await page.EvaluateAsync<JsonElement>(BindAndCatch, job.CredentialBindingLink);

        Assert.True(outcome.GetProperty("isPassbindError").GetBoolean(), outcome.GetRawText());
        Assert.Equal("network_error", outcome.GetProperty("code").GetString());
        var unbound = await stack.Client.CredentialBindingJobs.GetAsync(identity.Id, job.CredentialBindingJob.Id);
        Assert.NotEqual(CredentialBindingJobStates.Complete, unbound.State);
        Assert.Null(unbound.CredentialId);

        // What the browser saw: the preflight names no origin but a trusted one.
        var endpoint = BindingEndpoint(job.CredentialBindingLink!, "completeRegistration");
        Assert.Null(await PreflightAllowedOriginAsync(endpoint, stack.SampleOrigin));
        Assert.Equal(stack.ServerOrigin, await PreflightAllowedOriginAsync(endpoint, stack.ServerOrigin));
    }

    [Fact]
    public async Task CompleteRegistration_ClientDataFromUntrustedOriginPostedDirectly_AnswersOriginNotAllowed()
    {
        var errors = new List<string>();
        var page = await stack.NewPageAsync(errors);
        var (identity, job) = await stack.CreateLinkAsync(stack.ServerAuthenticatorConfigId);
        var link = job.CredentialBindingLink!;
        var token = new Uri(link).Query.Split('=', 2)[1];

        // Outside a browser nothing stops a caller from forging the Origin header; the server still refuses,
        // because the origin it checks is the one the authenticator signed over in clientDataJSON.
        using var optionsResponse = await PostAsync(BindingEndpoint(link, "registrationOptions"), stack.SampleOrigin, new { token, key_type = "webauthn" });
        Assert.Equal(HttpStatusCode.OK, optionsResponse.StatusCode);
        var publicKey = JsonDocument.Parse(await optionsResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("public_key");
        await page.GotoAsync(new Uri(stack.SampleUrl, "/passkeys").ToString());
        var credential = await page.EvaluateAsync<JsonElement>(CreateCredential, publicKey.GetRawText());

        using var completion = await PostAsync(BindingEndpoint(link, "completeRegistration"), stack.SampleOrigin, new { token, credential });

        Assert.Equal(HttpStatusCode.Forbidden, completion.StatusCode);
        var body = JsonDocument.Parse(await completion.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("origin_not_allowed", body.GetProperty("code").GetString());
        var unbound = await stack.Client.CredentialBindingJobs.GetAsync(identity.Id, job.CredentialBindingJob.Id);
        Assert.Null(unbound.CredentialId);
        Assert.Empty(errors);
    }

    private static Uri BindingEndpoint(string link, string method)
    {
        var uri = new Uri(link);
        var path = uri.AbsolutePath[..uri.AbsolutePath.LastIndexOf(':')];
        return new Uri(uri, path + ":" + method);
    }

    private async Task<string?> PreflightAllowedOriginAsync(Uri endpoint, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, endpoint);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var response = await stack.Http.SendAsync(request);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }

    private async Task<HttpResponseMessage> PostAsync(Uri endpoint, string origin, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", origin);
        return await stack.Http.SendAsync(request);
    }
}
