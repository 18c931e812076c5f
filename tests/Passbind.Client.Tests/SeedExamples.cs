using System.Net;
using System.Security.Cryptography;

namespace Passbind.Client.Tests;

/// <summary>
/// The server-side examples of the seed (bindPasskey.md) as C# twins using <see cref="PassbindClient"/>. Each twin
/// runs twice: against the fake handler (asserting the exact requests the JavaScript sends) and, when
/// <c>PASSBIND_BOOTSTRAP</c> is set, against a real server. docs/dotnet-client.md shows the same code.
/// </summary>
public sealed class SeedExamples
{
    private const string IdentitiesPath = TestClients.RealmPath + "/identities";
    private const string AuthenticatorConfigId = "67bb0acf12e5c899";

    // ---- The twins ----------------------------------------------------------------------------------------------

    /// <summary>"Example: Create an identity and get passkey binding URL".</summary>
    public static async Task<CreateCredentialBindingJobResponse> CreateIdentityAndGetBindingLinkAsync(
        PassbindClient client, string username, string authenticatorConfigId, CancellationToken cancellationToken = default)
    {
        // Step 1. Create an identity
        var identity = await client.Identities.CreateAsync(
            new CreateIdentityRequest
            {
                DisplayName = username,
                Traits = new IdentityTraits { Username = username, PrimaryEmailAddress = $"{username}@example.com" },
            },
            cancellationToken);

        // Step 2. Get passkey binding link for identity
        return await client.CredentialBindingJobs.CreateAsync(
            identity.Id,
            new CreateCredentialBindingJobRequest
            {
                DeliveryMethod = DeliveryMethods.Return,
                AuthenticatorConfigId = authenticatorConfigId,
                PostBindingRedirectUri = "http://example.com",
            },
            cancellationToken);
    }

    /// <summary>"Example: Extract passkey binding URL from passkey binding link response".</summary>
    public static string? ExtractBindingLink(CreateCredentialBindingJobResponse response) => response.CredentialBindingLink;

    /// <summary>"Example: Get passkey binding URL for existing identity" (step 1: the identity id for a username).</summary>
    public static async Task<string?> GetIdentityIdAsync(PassbindClient client, string username, CancellationToken cancellationToken = default)
    {
        // The JavaScript lists the first page and searches it; the filter finds the identity on any page.
        var identity = await client.Identities.FindByUsernameAsync(username, cancellationToken);
        return identity?.Id;
    }

    /// <summary>"Example: Get passkey binding URL via email".</summary>
    public static async Task<CreateCredentialBindingJobResponse> SendBindingEmailAsync(
        PassbindClient client, string identityId, string authenticatorConfigId, CancellationToken cancellationToken = default) =>
        await client.CredentialBindingJobs.CreateAsync(
            identityId,
            new CreateCredentialBindingJobRequest
            {
                DeliveryMethod = DeliveryMethods.Email,
                AuthenticatorConfigId = authenticatorConfigId,
                PostBindingRedirectUri = "http://example.com",
            },
            cancellationToken);

    // ---- Against the fake: the requests are exactly the JavaScript's ---------------------------------------------

    [Fact]
    public async Task CreateIdentityAndGetBindingLink_Fake_SendsSeedRequestsAndReturnsLink()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Identity.Replace("\"test\"", "\"john\"", StringComparison.Ordinal));
        handler.EnqueueOk(SpecExamples.CreateReturnJobResponse);
        var client = TestClients.Create(handler);

        var response = await CreateIdentityAndGetBindingLinkAsync(client, "john", AuthenticatorConfigId);

        Assert.Equal(SpecExamples.BindingLink, ExtractBindingLink(response));
        Assert.Collection(
            handler.Requests,
            r =>
            {
                Assert.Equal((HttpMethod.Post, IdentitiesPath), (r.Method, r.PathAndQuery));
                Assert.Equal(
                    """{"identity":{"display_name":"john","traits":{"type":"traits_v0","username":"john","primary_email_address":"john@example.com"}}}""",
                    r.Body);
            },
            r =>
            {
                Assert.Equal((HttpMethod.Post, IdentitiesPath + "/e372db224c06e850/credential-binding-jobs"), (r.Method, r.PathAndQuery));
                Assert.Equal(
                    """{"job":{"delivery_method":"RETURN","authenticator_config_id":"67bb0acf12e5c899","post_binding_redirect_uri":"http://example.com"}}""",
                    r.Body);
            });
        Assert.All(handler.Requests, r => Assert.Equal("Bearer " + TestClients.ApiToken, r.Authorization));
    }

    [Fact]
    public async Task CreateIdentityAndGetBindingLink_FakeConflict_ThrowsAndCreatesNoJob()
    {
        // The JavaScript answers 400 with the server's JSON when status != 200; the twin surfaces it as an exception.
        var handler = new FakeHttpMessageHandler();
        handler.Enqueue(HttpStatusCode.Conflict, SpecExamples.Conflict);
        var client = TestClients.Create(handler);

        var ex = await Assert.ThrowsAsync<PassbindApiException>(() => CreateIdentityAndGetBindingLinkAsync(client, "test", AuthenticatorConfigId));

        Assert.Equal("conflict", ex.Code);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task GetIdentityId_Fake_FiltersByUsername()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.IdentityPage(null, 1, "e372db224c06e850"));
        var client = TestClients.Create(handler);

        var identityId = await GetIdentityIdAsync(client, "test");

        Assert.Equal("e372db224c06e850", identityId);
        Assert.Equal(IdentitiesPath + "?filter=traits.username%20eq%20%22test%22", Assert.Single(handler.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ExistingIdentityThenLink_Fake_CreatesReturnJobForFoundIdentity()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.IdentityPage(null, 1, "87fabad6956c6d4b"));
        handler.EnqueueOk(SpecExamples.CreateReturnJobResponse);
        var client = TestClients.Create(handler);

        var identityId = await GetIdentityIdAsync(client, "test");
        var response = await client.CredentialBindingJobs.CreateLinkAsync(identityId!, "http://example.com", AuthenticatorConfigId);

        Assert.Equal(SpecExamples.BindingLink, ExtractBindingLink(response));
        Assert.Equal(IdentitiesPath + "/87fabad6956c6d4b/credential-binding-jobs", handler.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task SendBindingEmail_Fake_SendsEmailJobAndGetsNoLink()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.CreateEmailJobResponse);
        var client = TestClients.Create(handler);

        var response = await SendBindingEmailAsync(client, "87fabad6956c6d4b", AuthenticatorConfigId);

        Assert.Null(ExtractBindingLink(response));
        Assert.Equal(DeliveryMethods.Email, response.CredentialBindingJob.DeliveryMethod);
        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, IdentitiesPath + "/87fabad6956c6d4b/credential-binding-jobs"), (request.Method, request.PathAndQuery));
        Assert.Equal(
            """{"job":{"delivery_method":"EMAIL","authenticator_config_id":"67bb0acf12e5c899","post_binding_redirect_uri":"http://example.com"}}""",
            request.Body);
    }

    // ---- Against a real server (PASSBIND_BOOTSTRAP) ---------------------------------------------------------------

    [RealServerFact]
    public async Task CreateIdentityAndGetBindingLink_RealServer_ReturnsInvokeAuthenticatorLink()
    {
        var client = RealServerFactAttribute.CreateClient();
        var configId = RealAuthenticatorConfigId();
        var username = UniqueUsername();

        var response = await CreateIdentityAndGetBindingLinkAsync(client, username, configId);

        var link = ExtractBindingLink(response);
        var job = response.CredentialBindingJob;
        Assert.NotNull(link);
        Assert.Contains(
            $"/v1/tenants/{client.TenantId}/realms/{client.RealmId}/identities/{job.IdentityId}/credential-binding-jobs/{job.Id}:invokeAuthenticator?token=",
            link,
            StringComparison.Ordinal);
        Assert.Equal((DeliveryMethods.Return, CredentialBindingJobStates.LinkSent), (job.DeliveryMethod, job.State));
        Assert.Equal("http://example.com", job.PostBindingRedirectUri);
    }

    [RealServerFact]
    public async Task ExistingIdentityThenLink_RealServer_FindsIdentityAndReturnsLink()
    {
        var client = RealServerFactAttribute.CreateClient();
        var configId = RealAuthenticatorConfigId();
        var username = UniqueUsername();
        var created = await CreateIdentityAndGetBindingLinkAsync(client, username, configId);

        var identityId = await GetIdentityIdAsync(client, username);
        var response = await client.CredentialBindingJobs.CreateLinkAsync(identityId!, "http://example.com", configId);

        Assert.Equal(created.CredentialBindingJob.IdentityId, identityId);
        Assert.NotEqual(ExtractBindingLink(created), ExtractBindingLink(response));
        Assert.Null(await GetIdentityIdAsync(client, UniqueUsername()));
    }

    [RealServerFact]
    public async Task SendBindingEmail_RealServer_CreatesEmailJobWithoutLink()
    {
        var client = RealServerFactAttribute.CreateClient();
        var configId = RealAuthenticatorConfigId();
        var created = await CreateIdentityAndGetBindingLinkAsync(client, UniqueUsername(), configId);

        var response = await SendBindingEmailAsync(client, created.CredentialBindingJob.IdentityId, configId);

        Assert.Null(ExtractBindingLink(response));
        Assert.Equal((DeliveryMethods.Email, CredentialBindingJobStates.LinkSent), (response.CredentialBindingJob.DeliveryMethod, response.CredentialBindingJob.State));
    }

    private static string RealAuthenticatorConfigId() =>
        PassbindClientOptions.FromBootstrapFile(Environment.GetEnvironmentVariable(RealServerFactAttribute.Variable)!).AuthenticatorConfigId
        ?? throw new InvalidOperationException("bootstrap.json has no authenticator_config_id.");

    private static string UniqueUsername() => "seed-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
