namespace Passbind.Client.Tests;

public sealed class RealmsClientTests
{
    private const string RealmsPath = "/v1/tenants/" + TestClients.TenantId + "/realms";

    [Fact]
    public async Task CreateAsync_SpecExample_PostsWrappedRealmAndParsesBareRealm()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Realm);
        var client = TestClients.Create(handler);

        var realm = await client.Realms.CreateAsync(
            new CreateRealmRequest { DisplayName = "Test Realm", Classification = RealmClassifications.SecureCustomer });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(RealmsPath, request.PathAndQuery);
        Assert.Equal("""{"realm":{"display_name":"Test Realm","classification":"SECURE_CUSTOMER"}}""", request.Body);
        Assert.Equal("19a95130480dfa79", realm.Id);
        Assert.Equal("0001f1f460b1ace6", realm.TenantId);
        Assert.Equal(RealmClassifications.SecureWorkforce, realm.Classification);
    }

    [Fact]
    public async Task GetUpdateDelete_RealmId_UseRealmPath()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Realm);
        handler.EnqueueOk(SpecExamples.Realm);
        handler.Enqueue(System.Net.HttpStatusCode.OK);
        var client = TestClients.Create(handler);

        await client.Realms.GetAsync("19a95130480dfa79");
        await client.Realms.UpdateAsync("19a95130480dfa79", new UpdateRealmRequest { DisplayName = "Renamed" });
        await client.Realms.DeleteAsync("19a95130480dfa79");

        Assert.Collection(
            handler.Requests,
            r => Assert.Equal((HttpMethod.Get, RealmsPath + "/19a95130480dfa79", (string?)null), (r.Method, r.PathAndQuery, r.Body)),
            r => Assert.Equal(
                (HttpMethod.Patch, RealmsPath + "/19a95130480dfa79", (string?)"""{"realm":{"display_name":"Renamed"}}"""),
                (r.Method, r.PathAndQuery, r.Body)),
            r => Assert.Equal((HttpMethod.Delete, RealmsPath + "/19a95130480dfa79", (string?)null), (r.Method, r.PathAndQuery, r.Body)));
    }

    [Fact]
    public async Task ListPageAsync_PageParameters_SentInQueryAndPageReturned()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk($$"""{"realms":[{{SpecExamples.Realm}}],"total_size":7,"next_page_token":"abc"}""");
        var client = TestClients.Create(handler);

        var page = await client.Realms.ListPageAsync(pageSize: 1, pageToken: "prev", skip: 2);

        Assert.Equal(RealmsPath + "?page_size=1&page_token=prev&skip=2", Assert.Single(handler.Requests).PathAndQuery);
        Assert.Equal("19a95130480dfa79", Assert.Single(page.Items).Id);
        Assert.Equal(7, page.TotalSize);
        Assert.Equal("abc", page.NextPageToken);
    }
}
