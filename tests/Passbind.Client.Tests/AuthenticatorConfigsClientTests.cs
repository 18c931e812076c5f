using System.Net;

namespace Passbind.Client.Tests;

public sealed class AuthenticatorConfigsClientTests
{
    private const string ConfigsPath = TestClients.RealmPath + "/authenticator-configs";
    private const string ConfigId = "73731b7f-eb76-4143-9b4b-81a720385f5a";

    [Fact]
    public async Task CreateAsync_SpecExample_PostsExactBodyAndParsesServerDefaults()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.AuthenticatorConfig);
        var client = TestClients.Create(handler);

        var config = await client.AuthenticatorConfigs.CreateAsync(new CreateAuthenticatorConfigRequest
        {
            DisplayName = "Pet Authenticator Configuration",
            Config = AuthenticatorConfigSettings.Embedded(new Uri("http://localhost:8092")),
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(ConfigsPath, request.PathAndQuery);
        Assert.Equal(
            """{"authenticator_config":{"display_name":"Pet Authenticator Configuration","config":{"type":"embedded","invoke_url":"http://localhost:8092","trusted_origins":["http://localhost:8092"]}}}""",
            request.Body);
        Assert.Equal(ConfigId, config.Id);
        Assert.Equal(AuthenticatorConfigTypes.Embedded, config.Config.Type);
        Assert.Equal(InvocationTypes.Automatic, config.Config.InvocationType);
        Assert.Equal(["http://localhost:8092"], config.Config.TrustedOrigins!);
        Assert.Equal(
            [AuthenticationMethodTypes.EmailOneTimePassword, AuthenticationMethodTypes.SoftwarePasskey, AuthenticationMethodTypes.WebAuthnPasskey],
            config.Config.AuthenticationMethods!.Select(m => m.Type));
    }

    [Fact]
    public async Task CreateAsync_HostedWeb_SendsTypeMethodsAndOrigins()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk("""{"id":"x","display_name":"Hosted","config":{"type":"hosted_web"}}""");
        var client = TestClients.Create(handler);

        await client.AuthenticatorConfigs.CreateAsync(new CreateAuthenticatorConfigRequest
        {
            DisplayName = "Hosted",
            Config = AuthenticatorConfigSettings.HostedWeb(["https://app.example.com"]),
        });

        Assert.Equal(
            """{"authenticator_config":{"display_name":"Hosted","config":{"type":"hosted_web","trusted_origins":["https://app.example.com"],"authentication_methods":[{"type":"webauthn_passkey"}]}}}""",
            Assert.Single(handler.Requests).Body);
    }

    [Fact]
    public async Task UpdateAsync_SpecPatchExample_SendsPartialConfigWithoutType()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.AuthenticatorConfig);
        var client = TestClients.Create(handler);

        await client.AuthenticatorConfigs.UpdateAsync(ConfigId, new UpdateAuthenticatorConfigRequest
        {
            DisplayName = "Pet Authenticator Configuration",
            Config = new AuthenticatorConfigSettings { InvokeUrl = "http://localhost:8092" },
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal(ConfigsPath + "/" + ConfigId, request.PathAndQuery);
        Assert.Equal(
            """{"authenticator_config":{"display_name":"Pet Authenticator Configuration","config":{"invoke_url":"http://localhost:8092"}}}""",
            request.Body);
    }

    [Fact]
    public async Task GetListDelete_UseConfigPaths()
    {
        var handler = new FakeHttpMessageHandler();
        handler.EnqueueOk(SpecExamples.AuthenticatorConfig);
        handler.EnqueueOk($$"""{"authenticator_configs":[{{SpecExamples.AuthenticatorConfig}}],"total_size":1}""");
        handler.Enqueue(HttpStatusCode.OK);
        var client = TestClients.Create(handler);

        await client.AuthenticatorConfigs.GetAsync(ConfigId);
        var all = await client.AuthenticatorConfigs.ListAsync(pageSize: 100).ToListAsync();
        await client.AuthenticatorConfigs.DeleteAsync(ConfigId);

        Assert.Equal(ConfigId, Assert.Single(all).Id);
        Assert.Collection(
            handler.Requests,
            r => Assert.Equal((HttpMethod.Get, ConfigsPath + "/" + ConfigId), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Get, ConfigsPath + "?page_size=100"), (r.Method, r.PathAndQuery)),
            r => Assert.Equal((HttpMethod.Delete, ConfigsPath + "/" + ConfigId), (r.Method, r.PathAndQuery)));
    }
}
