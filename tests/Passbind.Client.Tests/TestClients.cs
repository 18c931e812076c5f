namespace Passbind.Client.Tests;

/// <summary>Clients wired to a <see cref="FakeHttpMessageHandler"/>.</summary>
internal static class TestClients
{
    public const string TenantId = "0001f1f460b1ace6";
    public const string RealmId = "8f5bec58229e6f29";
    public const string ApplicationId = "4d3b2c7f-2b8e-4b6a-9d1e-3f2a1b0c9d8e";
    public const string ApiToken = "static-api-token";
    public const string RealmPath = "/v1/tenants/" + TenantId + "/realms/" + RealmId;

    public static PassbindClientOptions StaticTokenOptions() => new()
    {
        ApiBaseUrl = new Uri("http://localhost:5000"),
        TenantId = TenantId,
        RealmId = RealmId,
        ApiToken = ApiToken,
    };

    public static PassbindClientOptions ClientCredentialsOptions() => new()
    {
        ApiBaseUrl = new Uri("http://localhost:5000"),
        AuthBaseUrl = new Uri("http://auth.localhost:5000/"),
        TenantId = TenantId,
        RealmId = RealmId,
        ManagementApplicationId = ApplicationId,
        ClientId = "AYYNcuOSpfqIf33JeegCzDIT",
        ClientSecret = "wWD4mPzdSecret",
    };

    public static PassbindClient Create(FakeHttpMessageHandler handler, PassbindClientOptions? options = null, TimeProvider? timeProvider = null) =>
        new(options ?? StaticTokenOptions(), new HttpClient(handler), timeProvider);
}
