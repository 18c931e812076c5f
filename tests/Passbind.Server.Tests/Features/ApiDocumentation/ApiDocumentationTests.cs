using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.ApiDocumentation;

/// <summary>The OpenAPI document and the interactive API reference: served without a token.</summary>
public abstract class ApiDocumentationTests(PassbindServer server)
{
    [Fact]
    public async Task OpenApiDocument_WithoutToken_ListsTheApiAndTheBearerScheme()
    {
        using var client = server.CreateClient(accessToken: null);

        using var response = await client.GetAsync("/openapi/v1.json");

        var document = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/v1/tenants/{tenant_id}/realms/{realm_id}/identities", paths);
        Assert.Contains("/v1/tenants/{tenant_id}/realms/{realm_id}/identities/{identity_id}", paths);
        Assert.Contains("/v1/tenants/{tenant_id}/realms/{realm_id}/identities/{identity_id}/credential-binding-jobs", paths);
        Assert.Contains(paths, p => p.StartsWith("/v1/tenants/{tenant_id}/realms/{realm_id}/identities/{identity_id}/credential-binding-jobs/{job_id}", StringComparison.Ordinal));
        var schemes = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Value).ToList();
        Assert.Contains(schemes, s => s.GetProperty("type").GetString() == "http"
            && string.Equals(s.GetProperty("scheme").GetString(), "bearer", StringComparison.OrdinalIgnoreCase));
        var createJob = document.GetProperty("paths").GetProperty("/v1/tenants/{tenant_id}/realms/{realm_id}/identities/{identity_id}/credential-binding-jobs").GetProperty("post");
        Assert.True(createJob.TryGetProperty("security", out var security) && security.GetArrayLength() > 0, "creating a job must say it needs the bearer token");
    }

    [Fact]
    public async Task ApiReference_WithoutToken_Returns200Html()
    {
        using var client = server.CreateClient(accessToken: null);

        // A browser follows the reference's redirect (to "/docs/api/"); what it finally shows must be the page.
        var response = await client.GetAsync("/docs/api");
        for (var hops = 0; hops < 3 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            Assert.NotNull(response.Headers.Location);
            var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location);
            Assert.True(location.Host == "localhost", $"/docs/api redirects off the server, to {location}");
            response.Dispose();
            response = await client.GetAsync(location);
        }

        using var final = response;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/docs/api answered {(int)response.StatusCode}: {body}");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("scalar", body, StringComparison.OrdinalIgnoreCase);
    }

    public sealed class Sqlite(SqliteServer server) : ApiDocumentationTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : ApiDocumentationTests(server), IClassFixture<PostgreSqlServer>;
}
