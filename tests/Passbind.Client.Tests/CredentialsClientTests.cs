namespace Passbind.Client.Tests;

public sealed class CredentialsClientTests
{
    private const string CredentialsPath = TestClients.RealmPath + "/identities/e85de356dc78843a/credentials";

    [Fact]
    public async Task GetAsync_SpecExample_ParsesCredentialWithJwkJsonString()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Credential);
        var client = TestClients.Create(handler);

        var credential = await client.Credentials.GetAsync("e85de356dc78843a", "81490afab171aef0");

        Assert.Equal(CredentialsPath + "/81490afab171aef0", Assert.Single(handler.Requests).PathAndQuery);
        Assert.Equal(CredentialStates.Active, credential.State);
        Assert.Equal("JWT", credential.CsrType);
        Assert.StartsWith("{\"crv\":\"P-256\"", credential.JwkJson, StringComparison.Ordinal);
        Assert.Equal("UW-uVNL0mP1vcLjHrTBxibNgCEe_PD0HIsE3FrbYjPA=", credential.JwkThumbprint);
    }

    [Fact]
    public async Task ListAsync_AllIdentities_UsesDashAndFollowsPages()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk($$"""{"credentials":[{{SpecExamples.Credential}}],"total_size":2,"next_page_token":"n"}""");
        handler.EnqueueOk($$"""{"credentials":[{{SpecExamples.Credential}}],"total_size":2}""");
        var client = TestClients.Create(handler);

        var credentials = await client.Credentials.ListAsync("-", pageSize: 1).ToListAsync();

        Assert.Equal(2, credentials.Count);
        Assert.Equal(
            [
                TestClients.RealmPath + "/identities/-/credentials?page_size=1",
                TestClients.RealmPath + "/identities/-/credentials?page_size=1&page_token=n",
            ],
            handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task RevokeAsync_Credential_PostsCustomMethodWithoutBody()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Credential.Replace("\"ACTIVE\"", "\"REVOKED\"", StringComparison.Ordinal));
        var client = TestClients.Create(handler);

        var credential = await client.Credentials.RevokeAsync("e85de356dc78843a", "81490afab171aef0");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(CredentialsPath + "/81490afab171aef0:revoke", request.PathAndQuery);
        Assert.Null(request.Body);
        Assert.Equal(CredentialStates.Revoked, credential.State);
    }
}
