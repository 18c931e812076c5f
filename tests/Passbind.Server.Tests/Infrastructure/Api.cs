using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Passbind.Server.Tests.Infrastructure;

/// <summary>Small helpers for talking to the API the way a client would, and for asserting its wire shapes.</summary>
public static class Api
{
    /// <summary>The body of the seed's "Create an identity" call (bindPasskey.md), for <paramref name="username"/>.</summary>
    public static string SeedIdentityBody(string username) => JsonSerializer.Serialize(new
    {
        identity = new
        {
            display_name = username,
            traits = new { type = "traits_v0", username, primary_email_address = $"{username}@example.com" },
        },
    });

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Asserts the status (showing the body when it differs) and parses the JSON body.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {expectedStatus}: {body}");
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} with a body that is not JSON: '{body}'");
            throw;
        }
    }

    /// <summary>
    /// Asserts an error in Beyond Identity's shape <c>{code, message, details?}</c> with <paramref name="status"/>
    /// and <paramref name="code"/>; with <paramref name="field"/>, that a FieldViolations detail names it.
    /// </summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        var error = await ReadJsonAsync(response, (int)status);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        foreach (var property in error.EnumerateObject())
        {
            Assert.Contains(property.Name, new[] { "code", "message", "details" });
        }

        if (field is not null)
        {
            var fields = error.GetProperty("details").EnumerateArray()
                .Where(d => d.GetProperty("type").GetString() == "FieldViolations")
                .SelectMany(d => d.GetProperty("field_violations").EnumerateArray())
                .Select(v => v.GetProperty("field").GetString())
                .ToList();
            Assert.True(fields.Contains(field), $"expected a field violation naming {field}, got [{string.Join(", ", fields)}] in {error}");
        }

        return error;
    }

    /// <summary>
    /// Asserts the 404 of a missing resource: <c>not_found</c> with one ResourceInfo detail naming
    /// <paramref name="resourceType"/> and, when given, <paramref name="id"/>.
    /// </summary>
    public static async Task<JsonElement> AssertNotFoundAsync(HttpResponseMessage response, string resourceType, string? id = null)
    {
        var error = await AssertErrorAsync(response, HttpStatusCode.NotFound, "not_found");
        var detail = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal("ResourceInfo", detail.GetProperty("type").GetString());
        Assert.Equal(resourceType, detail.GetProperty("resource_type").GetString());
        if (id is not null)
        {
            Assert.Equal(id, detail.GetProperty("id").GetString());
        }

        return error;
    }

    /// <summary>The <c>code</c> of an error body, or null when the body is not one (for tallying many answers).</summary>
    public static string? ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Decodes the header (0) or the payload (1) of a JWT without verifying it.</summary>
    public static JsonElement JwtPart(string jwt, int index)
    {
        var part = jwt.Split('.')[index];
        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(part));
        return document.RootElement.Clone();
    }

    /// <summary>The <c>total_size</c> of a list call, for "nothing was stored" checks.</summary>
    public static async Task<int> CountAsync(HttpClient client, string collectionPath)
    {
        using var response = await client.GetAsync($"{collectionPath}?page_size=1");
        var list = await ReadJsonAsync(response, expectedStatus: 200);
        return list.GetProperty("total_size").GetInt32();
    }
}
