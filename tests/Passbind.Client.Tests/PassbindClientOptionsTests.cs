using Microsoft.Extensions.Options;

namespace Passbind.Client.Tests;

public sealed class PassbindClientOptionsTests
{
    private const string Bootstrap = """
        {
          "api_base_url": "http://localhost:5000",
          "auth_base_url": "http://localhost:5000/auth",
          "tenant_id": "0001f1f460b1ace6",
          "realm_id": "8f5bec58229e6f29",
          "authenticator_config_id": "73731b7f-eb76-4143-9b4b-81a720385f5a",
          "management_application_id": "4d3b2c7f-2b8e-4b6a-9d1e-3f2a1b0c9d8e",
          "client_id": "AYYNcuOSpfqIf33JeegCzDIT",
          "client_secret": "wWD4mPzdSecret",
          "api_token": "eyJ.static"
        }
        """;

    [Fact]
    public void FromBootstrapFile_AllFields_MapToOptions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bootstrap-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Bootstrap);
        try
        {
            var options = PassbindClientOptions.FromBootstrapFile(path);

            Assert.Equal(new Uri("http://localhost:5000"), options.ApiBaseUrl);
            Assert.Equal(new Uri("http://localhost:5000/auth"), options.AuthBaseUrl);
            Assert.Equal("0001f1f460b1ace6", options.TenantId);
            Assert.Equal("8f5bec58229e6f29", options.RealmId);
            Assert.Equal("73731b7f-eb76-4143-9b4b-81a720385f5a", options.AuthenticatorConfigId);
            Assert.Equal("4d3b2c7f-2b8e-4b6a-9d1e-3f2a1b0c9d8e", options.ManagementApplicationId);
            Assert.Equal("AYYNcuOSpfqIf33JeegCzDIT", options.ClientId);
            Assert.Equal("wWD4mPzdSecret", options.ClientSecret);
            Assert.Equal("eyJ.static", options.ApiToken);
            Assert.True(options.UsesClientCredentials);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task FromBootstrapJson_AuthBaseWithPath_TokenEndpointUnderIt()
    {
        var handler = new FakeHttpMessageHandler { TokenResponder = n => (System.Net.HttpStatusCode.OK, SpecExamples.Token("t")) };
        handler.EnqueueOk(SpecExamples.Tenant);
        var client = TestClients.Create(handler, PassbindClientOptions.FromBootstrapJson(Bootstrap));

        await client.Tenant.GetAsync();

        Assert.Equal(
            "http://localhost:5000/auth/v1/tenants/0001f1f460b1ace6/realms/8f5bec58229e6f29/applications/4d3b2c7f-2b8e-4b6a-9d1e-3f2a1b0c9d8e/token",
            Assert.Single(handler.TokenRequests).Uri.AbsoluteUri);
    }

    [Fact]
    public void FromBootstrapJson_NotJson_ThrowsInvalidData()
    {
        Assert.Throws<InvalidDataException>(() => PassbindClientOptions.FromBootstrapJson("not json"));
    }

    [Fact]
    public void Constructor_NoCredentials_ThrowsNamingTheMissingSetting()
    {
        var options = TestClients.StaticTokenOptions();
        options.ApiToken = null;

        var ex = Assert.Throws<OptionsValidationException>(() => new PassbindClient(options));

        Assert.Contains(ex.Failures, f => f.Contains("ApiToken", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_NoTenant_ThrowsNamingTenantId()
    {
        var options = TestClients.StaticTokenOptions();
        options.TenantId = "";

        var ex = Assert.Throws<OptionsValidationException>(() => new PassbindClient(options));

        Assert.Contains(ex.Failures, f => f.Contains("TenantId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForRealm_OtherRealm_AddressesItWithSameToken()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.Identity);
        var client = TestClients.Create(handler);

        var other = client.ForRealm("19a95130480dfa79");
        await other.Identities.GetAsync("e372db224c06e850");

        Assert.Equal("19a95130480dfa79", other.RealmId);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("/v1/tenants/" + TestClients.TenantId + "/realms/19a95130480dfa79/identities/e372db224c06e850", request.PathAndQuery);
        Assert.Equal("Bearer " + TestClients.ApiToken, request.Authorization);
    }
}
