using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Passbind.Core.Identifiers;
using Passbind.Server.Authorization;
using Passbind.Server.Features.Applications;
using Passbind.Storage;
using Passbind.Storage.Entities;

namespace Passbind.Server.Tests.Infrastructure;

/// <summary>
/// A class fixture: one server per test class and provider, on fresh storage, with a fake clock. Tests share it
/// but not their data: each makes its own identities (<see cref="NewUsername"/>) or its own tenant
/// (<see cref="CreateTenantAsync"/>). Use <see cref="SqliteServer"/> and <see cref="PostgreSqlServer"/>.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xUnit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public abstract class PassbindServer(TestDatabase database, bool captureLogs = false, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    private TestStorage? _storage;
    private PassbindServerFactory? _factory;
    private BootstrapInfo? _bootstrap;

    public TestDatabase Database => database;

    /// <summary>Every log line of the server, at every level, when the fixture captures them; else null.</summary>
    public CapturedLogs? Logs { get; } = captureLogs ? new CapturedLogs() : null;

    /// <summary>The server's clock: starts at the real time and moves only with <see cref="FakeTimeProvider.Advance"/>.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public TestStorage Storage => _storage ?? throw NotStarted();

    public PassbindServerFactory Factory => _factory ?? throw NotStarted();

    /// <summary>The bootstrap tenant: ids, client credentials and an every-scope token.</summary>
    public BootstrapInfo Bootstrap => _bootstrap ?? throw NotStarted();

    public IServiceProvider Services => Factory.Services;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(database);
        _factory = new PassbindServerFactory(_storage, Time, Logs, settings);
        _bootstrap = _factory.ReadBootstrap();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    /// <summary>A client with the bootstrap token.</summary>
    public HttpClient CreateClient() => Factory.CreateApiClient(Bootstrap.ApiToken);

    /// <summary>A client with <paramref name="accessToken"/>, or with no Authorization header when it is null.</summary>
    public HttpClient CreateClient(string? accessToken) => Factory.CreateApiClient(accessToken);

    /// <summary>A username no other test uses (identities are unique per realm, case-insensitively).</summary>
    public static string NewUsername(string prefix = "user") => $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>
    /// Makes a new tenant with one realm, an embedded authenticator config and a management application (there
    /// is no API for tenants: this writes through the server's DbContext), then gets a token for it from the
    /// token endpoint. <paramref name="scopes"/> narrows the token; null asks for every scope.
    /// </summary>
    public Task<TenantAccess> CreateTenantAsync(IReadOnlyCollection<string>? scopes = null) =>
        CreateRealmAsync(tenantId: null, scopes, realmOnlyToken: false);

    /// <summary>
    /// Adds a realm to an existing tenant (the bootstrap tenant when null), with an application whose tokens may
    /// act only in that realm when <paramref name="realmOnlyToken"/> is set, else in every realm of the tenant.
    /// </summary>
    public async Task<TenantAccess> CreateRealmAsync(string? tenantId, IReadOnlyCollection<string>? scopes = null, bool realmOnlyToken = true)
    {
        var now = Time.GetUtcNow();
        var clientSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        using (var scope = Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PassbindDbContext>();
            if (tenantId is null)
            {
                tenantId = ResourceId.NewTenantId();
                db.Tenants.Add(new Tenant { Id = tenantId, DisplayName = "Test Tenant", CreateTime = now, UpdateTime = now });
            }

            var realm = new Realm { Id = ResourceId.NewHexId(), TenantId = tenantId, DisplayName = "Test Realm", Classification = "SECURE_CUSTOMER", CreateTime = now, UpdateTime = now };
            var application = ManagementApplication.Create(
                tenantId, realm.Id, "Test Management API", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), clientSecret,
                realmOnlyToken ? realm.Id : ManagementPrincipal.AllRealms, TimeSpan.FromDays(1), now);
            var authenticatorConfig = new AuthenticatorConfig
            {
                Id = ResourceId.NewUuid(),
                TenantId = tenantId,
                RealmId = realm.Id,
                DisplayName = "Test Embedded",
                Type = "embedded",
                InvokeUrl = PassbindServerFactory.PublicBaseUrl,
                InvocationType = "automatic",
                TrustedOriginsJson = JsonSerializer.Serialize(new[] { PassbindServerFactory.PublicBaseUrl }),
                AuthenticationMethodsJson = JsonSerializer.Serialize(new[] { "webauthn_passkey", "software_passkey" }),
                CreateTime = now,
                UpdateTime = now,
            };
            db.AddRange(realm, application, authenticatorConfig);
            await db.SaveChangesAsync();

            var path = $"/v1/tenants/{tenantId}/realms/{realm.Id}/applications/{application.Id}/token";
            var token = await RequestTokenAsync(path, application.ClientId, clientSecret, scopes);
            return new TenantAccess(tenantId, realm.Id, application.Id, authenticatorConfig.Id, application.ClientId, clientSecret, token);
        }
    }

    /// <summary>Client credentials with client_secret_basic; fails the test unless the server answers 200.</summary>
    public async Task<string> RequestTokenAsync(string tokenPath, string clientId, string clientSecret, IReadOnlyCollection<string>? scopes = null)
    {
        using var client = CreateClient(accessToken: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scopes is not null)
        {
            form["scope"] = string.Join(' ', scopes);
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token endpoint answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Creates an identity through the API with the seed's body; fails the test unless the server answers 200.</summary>
    public static async Task<JsonElement> CreateIdentityAsync(HttpClient client, string realmPath, string? username = null)
    {
        username ??= NewUsername();
        using var response = await client.PostAsync($"{realmPath}/identities", Api.Json(Api.SeedIdentityBody(username)));
        return await Api.ReadJsonAsync(response, expectedStatus: 200);
    }

    /// <summary>Creates an identity in the bootstrap realm with the bootstrap token.</summary>
    public async Task<JsonElement> CreateIdentityAsync(string? username = null)
    {
        using var client = CreateClient();
        return await CreateIdentityAsync(client, Bootstrap.RealmPath, username);
    }

    private static InvalidOperationException NotStarted() => new("The test server has not been initialized.");
}
