using System.Net;

namespace Passbind.Client.Tests;

public sealed class CredentialBindingJobsClientTests
{
    private const string JobsPath = TestClients.RealmPath + "/identities/87fabad6956c6d4b/credential-binding-jobs";

    [Fact]
    public async Task CreateAsync_SpecReturnExample_PostsJobWrapperAndReturnsJobAndLink()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.CreateReturnJobResponse);
        var client = TestClients.Create(handler);

        var response = await client.CredentialBindingJobs.CreateAsync("87fabad6956c6d4b", new CreateCredentialBindingJobRequest
        {
            DeliveryMethod = DeliveryMethods.Return,
            AuthenticatorConfigId = "67bb0acf12e5c899",
            PostBindingRedirectUri = "http://example.com/callback",
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(JobsPath, request.PathAndQuery);
        Assert.Equal(
            """{"job":{"delivery_method":"RETURN","authenticator_config_id":"67bb0acf12e5c899","post_binding_redirect_uri":"http://example.com/callback"}}""",
            request.Body);
        Assert.Equal(SpecExamples.BindingLink, response.CredentialBindingLink);
        var job = response.CredentialBindingJob;
        Assert.Equal("c4fc2d753ca22b14", job.Id);
        Assert.Equal("87fabad6956c6d4b", job.IdentityId);
        Assert.Equal(CredentialBindingJobStates.LinkSent, job.State);
        Assert.Equal(DeliveryMethods.Return, job.DeliveryMethod);
        Assert.Equal(new DateTimeOffset(2022, 3, 21, 3, 42, 52, TimeSpan.Zero).AddTicks(9056570), job.ExpireTime);
    }

    [Fact]
    public async Task CreateLinkAsync_NoConfigGiven_UsesOptionsAuthenticatorConfigId()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.CreateReturnJobResponse);
        var options = TestClients.StaticTokenOptions();
        options.AuthenticatorConfigId = "from-options";
        var client = TestClients.Create(handler, options);

        var response = await client.CredentialBindingJobs.CreateLinkAsync("87fabad6956c6d4b");

        Assert.Equal(SpecExamples.BindingLink, response.CredentialBindingLink);
        Assert.Equal(
            """{"job":{"delivery_method":"RETURN","authenticator_config_id":"from-options"}}""",
            Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task CreateLinkAsync_ResponseWithoutLink_Throws()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.CreateEmailJobResponse);
        var client = TestClients.Create(handler);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.CredentialBindingJobs.CreateLinkAsync("87fabad6956c6d4b", authenticatorConfigId: "67bb0acf12e5c899"));
    }

    [Fact]
    public async Task CreateAsync_NoConfigAnywhere_ThrowsBeforeSending()
    {
        var handler = new FakeHttpMessageHandler();
        var client = TestClients.Create(handler);

        await Assert.ThrowsAsync<ArgumentException>(
            () => client.CredentialBindingJobs.CreateAsync("87fabad6956c6d4b", new CreateCredentialBindingJobRequest()));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task SendEmailAsync_EmailJob_PostsEmailAndReturnsJobWithoutLink()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.CreateEmailJobResponse);
        var client = TestClients.Create(handler);

        var job = await client.CredentialBindingJobs.SendEmailAsync("87fabad6956c6d4b", "http://example.com", "67bb0acf12e5c899");

        Assert.Equal(
            """{"job":{"delivery_method":"EMAIL","authenticator_config_id":"67bb0acf12e5c899","post_binding_redirect_uri":"http://example.com"}}""",
            Assert.Single(handler.Requests).Body);
        Assert.Equal(DeliveryMethods.Email, job.DeliveryMethod);
        Assert.Equal(CredentialBindingJobStates.LinkSent, job.State);
    }

    [Fact]
    public async Task SendEmailAsync_IdentityWithoutEmail_ThrowsUnprocessableEntity()
    {
        var handler = new FakeHttpMessageHandler();
        handler.Enqueue(HttpStatusCode.UnprocessableEntity, SpecExamples.MissingEmail);
        var client = TestClients.Create(handler);

        var ex = await Assert.ThrowsAsync<PassbindApiException>(
            () => client.CredentialBindingJobs.SendEmailAsync("69f4d38f840c13ab", authenticatorConfigId: "67bb0acf12e5c899"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ex.StatusCode);
        Assert.Equal("unprocessable_entity", ex.Code);
        Assert.Equal("Identity missing email address", ex.Message);
        Assert.Equal("69f4d38f840c13ab", Assert.Single(ex.Details).Id);
    }

    [Fact]
    public async Task GetListRevoke_UseJobPathsAndRevokeSendsEmptyObject()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Job);
        handler.EnqueueOk($$"""{"credential_binding_jobs":[{{SpecExamples.Job}}],"total_size":1}""");
        handler.EnqueueOk(SpecExamples.Job.Replace("LINK_SENT", "REVOKED", StringComparison.Ordinal));
        var client = TestClients.Create(handler);

        await client.CredentialBindingJobs.GetAsync("87fabad6956c6d4b", "c4fc2d753ca22b14");
        var page = await client.CredentialBindingJobs.ListPageAsync("87fabad6956c6d4b", filter: "state eq \"LINK_SENT\"");
        var revoked = await client.CredentialBindingJobs.RevokeAsync("87fabad6956c6d4b", "c4fc2d753ca22b14");

        Assert.Single(page.Items);
        Assert.Equal(CredentialBindingJobStates.Revoked, revoked.State);
        Assert.Collection(
            handler.Requests,
            r => Assert.Equal((HttpMethod.Get, JobsPath + "/c4fc2d753ca22b14", (string?)null), (r.Method, r.PathAndQuery, r.Body)),
            r => Assert.Equal(
                (HttpMethod.Get, JobsPath + "?filter=state%20eq%20%22LINK_SENT%22", (string?)null), (r.Method, r.PathAndQuery, r.Body)),
            r => Assert.Equal(
                (HttpMethod.Post, JobsPath + "/c4fc2d753ca22b14:revoke", (string?)"{}"), (r.Method, r.PathAndQuery, r.Body)));
    }

    [Fact]
    public async Task ListAsync_AllIdentities_UsesDashWildcard()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk("""{"credential_binding_jobs":[],"total_size":0}""");
        var client = TestClients.Create(handler);

        Assert.Empty(await client.CredentialBindingJobs.ListAsync("-").ToListAsync());
        Assert.Equal(TestClients.RealmPath + "/identities/-/credential-binding-jobs", Assert.Single(handler.Requests).PathAndQuery);
    }
}
