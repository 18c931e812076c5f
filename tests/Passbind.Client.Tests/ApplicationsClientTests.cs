using System.Net;

namespace Passbind.Client.Tests;

public sealed class ApplicationsClientTests
{
    private const string ApplicationsPath = TestClients.RealmPath + "/applications";
    private const string ApplicationId = "38833c36-6f47-4992-9329-ea0a00915137";

    /// <summary>beyond-identity-api.md §3.7's example, as the server answers a create.</summary>
    private const string SpecApplication = """
        {"id":"38833c36-6f47-4992-9329-ea0a00915137","realm_id":"caf2ff640497591a","tenant_id":"00011f1183c67b69",
         "authenticator_config_id":"73731b7f-eb76-4143-9b4b-81a720385f5a","display_name":"Pet Application","is_managed":false,
         "protocol_config":{"type":"oidc","allowed_scopes":["pets:read","pets:write"],"client_id":"AYYNcuOSpfqIf33JeegCzDIT",
           "client_secret":"wWD4mPzdsecret","confidentiality":"confidential","token_endpoint_auth_method":"client_secret_post",
           "grant_type":["authorization_code"],"redirect_uris":["https://auth.mypetapp.com/callback"],
           "token_configuration":{"subject_field":"id","expires_after":86400,"token_signing_algorithm":"RS256"},"pkce":"disabled","token_format":"self_contained"}}
        """;

    [Fact]
    public async Task CreateAsync_SendsOnlyWhatIsSetAndReadsTheSecret()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecApplication);
        var client = TestClients.Create(handler);

        var application = await client.Applications.CreateAsync(new CreateApplicationRequest
        {
            DisplayName = "Pet Application",
            AuthenticatorConfigId = "73731b7f-eb76-4143-9b4b-81a720385f5a",
            ProtocolConfig = new ApplicationProtocolConfig
            {
                Type = "oidc",
                GrantType = ["authorization_code"],
                RedirectUris = ["https://auth.mypetapp.com/callback"],
                TokenEndpointAuthMethod = "client_secret_post",
                TokenConfiguration = new ApplicationTokenConfiguration { ExpiresAfter = 86400 },
            },
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal((HttpMethod.Post, ApplicationsPath), (request.Method, request.PathAndQuery));
        Assert.Equal(
            """{"application":{"display_name":"Pet Application","authenticator_config_id":"73731b7f-eb76-4143-9b4b-81a720385f5a","protocol_config":{"type":"oidc","token_endpoint_auth_method":"client_secret_post","grant_type":["authorization_code"],"redirect_uris":["https://auth.mypetapp.com/callback"],"token_configuration":{"expires_after":86400}}}}""",
            request.Body);
        Assert.Equal(ApplicationId, application.Id);
        Assert.False(application.IsManaged);
        Assert.Equal("AYYNcuOSpfqIf33JeegCzDIT", application.ProtocolConfig.ClientId);
        Assert.Equal("wWD4mPzdsecret", application.ProtocolConfig.ClientSecret);
        Assert.Equal(["pets:read", "pets:write"], application.ProtocolConfig.AllowedScopes!);
        Assert.Equal("RS256", application.ProtocolConfig.TokenConfiguration!.TokenSigningAlgorithm);
    }

    [Fact]
    public async Task GetListUpdateDeleteRotate_UseApplicationPaths()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecApplication);
        handler.EnqueueOk($$"""{"applications":[{{SpecApplication}}],"total_size":1}""");
        handler.EnqueueOk(SpecApplication);
        handler.Enqueue(HttpStatusCode.OK);
        handler.EnqueueOk(SpecApplication);
        handler.EnqueueOk(SpecApplication);
        var client = TestClients.Create(handler);

        await client.Applications.GetAsync(ApplicationId);
        var all = await client.Applications.ListAsync(pageSize: 100).ToListAsync();
        await client.Applications.UpdateAsync(ApplicationId, new UpdateApplicationRequest { DisplayName = "Pets" });
        await client.Applications.DeleteAsync(ApplicationId);
        await client.Applications.RotateSecretAsync(ApplicationId);
        await client.Applications.RotateSecretAsync(ApplicationId, TimeSpan.Zero);

        Assert.Equal(ApplicationId, Assert.Single(all).Id);
        var app = ApplicationsPath + "/" + ApplicationId;
        Assert.Collection(
            handler.Requests,
            r => Assert.Equal((HttpMethod.Get, app), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Get, ApplicationsPath + "?page_size=100"), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Patch, app, """{"application":{"display_name":"Pets"}}"""), (r.Method, r.PathAndQuery, r.Body)),
            r => Assert.Equal((HttpMethod.Delete, app), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Post, app + ":rotateSecret"), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Post, app + ":rotateSecret", """{"grace_period":0}"""), (r.Method, r.PathAndQuery, r.Body)));
    }

    [Fact]
    public async Task CreateAsync_FieldViolation_ThrowsNamingTheField()
    {
        var handler = new FakeHttpMessageHandler();
        handler.Enqueue(HttpStatusCode.BadRequest,
            """{"code":"bad_request","message":"invalid parameters","details":[{"type":"FieldViolations","field_violations":[{"field":"application.protocol_config.redirect_uris[0]","description":"must not have a fragment"}]}]}""");
        var client = TestClients.Create(handler);

        var error = await Assert.ThrowsAsync<PassbindApiException>(() => client.Applications.CreateAsync(new CreateApplicationRequest
        {
            DisplayName = "A",
            ProtocolConfig = new ApplicationProtocolConfig { Type = "oidc", GrantType = ["authorization_code"], RedirectUris = ["https://x/#f"] },
        }));

        Assert.Equal(400, (int)error.StatusCode);
        Assert.Contains(error.FieldViolations, v => v.Field == "application.protocol_config.redirect_uris[0]");
    }
}
