using System.Net;

namespace Passbind.Client.Tests;

public sealed class IdentitiesClientTests
{
    private const string IdentitiesPath = TestClients.RealmPath + "/identities";

    [Fact]
    public async Task CreateAsync_SpecExample_PostsExactWrappedBodyAndParsesIdentity()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Identity);
        var client = TestClients.Create(handler);

        var identity = await client.Identities.CreateAsync(new CreateIdentityRequest
        {
            DisplayName = "Test Identity",
            Traits = new IdentityTraits { Username = "test", PrimaryEmailAddress = "test@example.com" },
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(IdentitiesPath, request.PathAndQuery);
        Assert.Equal(
            """{"identity":{"display_name":"Test Identity","traits":{"type":"traits_v0","username":"test","primary_email_address":"test@example.com"}}}""",
            request.Body);
        Assert.Equal("e372db224c06e850", identity.Id);
        Assert.Equal(TestClients.RealmId, identity.RealmId);
        Assert.Equal(EnrollmentStatuses.Unenrolled, identity.EnrollmentStatus);
        Assert.Equal("test", identity.Traits.Username);
        Assert.Equal("traits_v0", identity.Traits.Type);
        Assert.Equal(new DateTimeOffset(2022, 6, 16, 14, 31, 3, 770, TimeSpan.Zero), identity.UpdateTime);
    }

    [Fact]
    public async Task UpdateAsync_SpecPatchExample_SendsOnlyChangedFieldsWithTraitsType()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Identity);
        var client = TestClients.Create(handler);

        await client.Identities.UpdateAsync("e372db224c06e850", new UpdateIdentityRequest
        {
            DisplayName = "Test Identity",
            Traits = new IdentityTraits { PrimaryEmailAddress = "test@example.com" },
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal(IdentitiesPath + "/e372db224c06e850", request.PathAndQuery);
        Assert.Equal(
            """{"identity":{"display_name":"Test Identity","traits":{"type":"traits_v0","primary_email_address":"test@example.com"}}}""",
            request.Body);
    }

    [Fact]
    public async Task GetAndDelete_IdentityId_UseIdentityPath()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Identity);
        handler.Enqueue(HttpStatusCode.OK);
        var client = TestClients.Create(handler);

        var identity = await client.Identities.GetAsync("e372db224c06e850");
        await client.Identities.DeleteAsync("e372db224c06e850");

        Assert.Equal("Test Identity", identity.DisplayName);
        Assert.Collection(
            handler.Requests,
            r => Assert.Equal((HttpMethod.Get, IdentitiesPath + "/e372db224c06e850"), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Delete, IdentitiesPath + "/e372db224c06e850"), (r.Method, r.PathAndQuery)));
    }

    [Fact]
    public async Task FindByUsernameAsync_Match_SendsScimFilterAndReturnsIdentity()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.IdentityPage(null, 1, "e372db224c06e850"));
        var client = TestClients.Create(handler);

        var identity = await client.Identities.FindByUsernameAsync("test");

        Assert.Equal("e372db224c06e850", identity?.Id);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(IdentitiesPath + "?filter=traits.username%20eq%20%22test%22", request.PathAndQuery);
    }

    [Fact]
    public async Task FindByUsernameAsync_NoMatch_ReturnsNull()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk("""{"identities":[],"total_size":0}""");
        var client = TestClients.Create(handler);

        Assert.Null(await client.Identities.FindByUsernameAsync("nobody"));
    }

    [Fact]
    public void UsernameFilter_QuoteAndBackslash_AreEscaped()
    {
        Assert.Equal("traits.username eq \"a\\\"b\\\\c\"", IdentitiesClient.UsernameFilter("a\"b\\c"));
    }

    [Fact]
    public async Task ListAsync_ThreePages_FollowsNextPageTokenKeepingFilterAndPageSize()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.IdentityPage("page-2", 5, "0000000000000001", "0000000000000002"));
        handler.EnqueueOk(SpecExamples.IdentityPage("page-3", 5, "0000000000000003", "0000000000000004"));
        handler.EnqueueOk(SpecExamples.IdentityPage(null, 5, "0000000000000005"));
        var client = TestClients.Create(handler);

        var ids = new List<string>();
        await foreach (var identity in client.Identities.ListAsync("traits.username eq \"x\"", pageSize: 2))
        {
            ids.Add(identity.Id);
        }

        Assert.Equal(["0000000000000001", "0000000000000002", "0000000000000003", "0000000000000004", "0000000000000005"], ids);
        const string filter = "filter=traits.username%20eq%20%22x%22";
        Assert.Equal(
            [
                IdentitiesPath + "?" + filter + "&page_size=2",
                IdentitiesPath + "?" + filter + "&page_size=2&page_token=page-2",
                IdentitiesPath + "?" + filter + "&page_size=2&page_token=page-3",
            ],
            handler.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task ListPageAsync_LastPage_HasNoNextPageToken()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.IdentityPage(null, 1, "e372db224c06e850"));
        var client = TestClients.Create(handler);

        var page = await client.Identities.ListPageAsync(skip: 0);

        Assert.Null(page.NextPageToken);
        Assert.Equal(1, page.TotalSize);
        Assert.Equal(IdentitiesPath + "?skip=0", Assert.Single(handler.Requests).PathAndQuery);
    }
}
