namespace Passbind.Client.Tests;

public sealed class TenantClientTests
{
    [Fact]
    public async Task GetAsync_SpecExample_SendsBearerGetAndParsesTenant()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Tenant);
        var client = TestClients.Create(handler);

        var tenant = await client.Tenant.GetAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("http://localhost:5000/v1/tenants/" + TestClients.TenantId, request.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiToken, request.Authorization);
        Assert.Null(request.Body);
        Assert.Equal("000176d94fd7b4d1", tenant.Id);
        Assert.Equal("Test Tenant", tenant.DisplayName);
        Assert.Equal(new DateTimeOffset(2022, 1, 28, 12, 0, 2, 423, TimeSpan.Zero), tenant.CreateTime);
    }

    [Fact]
    public async Task UpdateAsync_DisplayName_SendsPatchWrappedInTenant()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Tenant);
        var client = TestClients.Create(handler);

        await client.Tenant.UpdateAsync(new UpdateTenantRequest { DisplayName = "Test Tenant" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("/v1/tenants/" + TestClients.TenantId, request.PathAndQuery);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("""{"tenant":{"display_name":"Test Tenant"}}""", request.Body);
    }
}
