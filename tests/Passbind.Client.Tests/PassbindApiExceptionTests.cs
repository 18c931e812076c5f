using System.Net;

namespace Passbind.Client.Tests;

public sealed class PassbindApiExceptionTests
{
    [Fact]
    public async Task CreateIdentity_BadRequestWithFieldViolations_MapsStatusCodeMessageAndFields()
    {
        var handler = new FakeHttpMessageHandler();
        handler.Enqueue(HttpStatusCode.BadRequest, SpecExamples.FieldViolationError);
        var client = TestClients.Create(handler);

        var ex = await Assert.ThrowsAsync<PassbindApiException>(
            () => client.Identities.CreateAsync(new CreateIdentityRequest { Traits = new IdentityTraits { Username = "x" } }));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("bad_request", ex.Code);
        Assert.Equal("invalid parameters", ex.Message);
        var detail = Assert.Single(ex.Details);
        Assert.Equal("FieldViolations", detail.Type);
        var violation = Assert.Single(ex.FieldViolations);
        Assert.Equal("identity.display_name", violation.Field);
        Assert.Equal("empty string", violation.Description);
    }

    [Fact]
    public async Task GetIdentity_NotFoundWithResourceInfo_MapsResource()
    {
        var handler = new FakeHttpMessageHandler();
        handler.Enqueue(HttpStatusCode.NotFound, SpecExamples.NotFoundError);
        var client = TestClients.Create(handler);

        var ex = await Assert.ThrowsAsync<PassbindApiException>(() => client.Identities.GetAsync("e372db224c06e850"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("not_found", ex.Code);
        var detail = Assert.Single(ex.Details);
        Assert.Equal(("ResourceInfo", "Identity", "e372db224c06e850"), (detail.Type, detail.ResourceType, detail.Id));
        Assert.Empty(ex.FieldViolations);
    }

    [Fact]
    public async Task CreateIdentity_Conflict_MapsCodeWithoutDetails()
    {
        var handler = new FakeHttpMessageHandler();
        handler.Enqueue(HttpStatusCode.Conflict, SpecExamples.Conflict);
        var client = TestClients.Create(handler);

        var ex = await Assert.ThrowsAsync<PassbindApiException>(
            () => client.Identities.CreateAsync(new CreateIdentityRequest { DisplayName = "t", Traits = new IdentityTraits { Username = "test" } }));

        Assert.Equal(("conflict", "username already exists"), (ex.Code, ex.Message));
        Assert.Empty(ex.Details);
    }

    [Fact]
    public async Task AnyCall_NonJsonErrorBody_KeepsStatusWithoutCode()
    {
        var handler = new FakeHttpMessageHandler();
        handler.Enqueue(HttpStatusCode.BadGateway, "<html>bad gateway</html>");
        var client = TestClients.Create(handler);

        var ex = await Assert.ThrowsAsync<PassbindApiException>(() => client.Tenant.GetAsync());

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.Code);
        Assert.Contains("502", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteIdentity_EmptyErrorBody_KeepsStatus()
    {
        var handler = new FakeHttpMessageHandler();
        handler.Enqueue(HttpStatusCode.InternalServerError);
        var client = TestClients.Create(handler);

        var ex = await Assert.ThrowsAsync<PassbindApiException>(() => client.Identities.DeleteAsync("e372db224c06e850"));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
    }
}
