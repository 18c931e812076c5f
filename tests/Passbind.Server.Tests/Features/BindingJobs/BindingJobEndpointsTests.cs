using System.Buffers.Text;
using System.Data.Common;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Passbind.Server.Tests.Infrastructure;

namespace Passbind.Server.Tests.Features.BindingJobs;

/// <summary>Credential binding jobs (beyond-identity-api.md §3.5): create (RETURN, EMAIL), get, list, revoke, and their errors.</summary>
public abstract partial class BindingJobEndpointsTests(PassbindServer server)
{
    private const string RandomId = "00000000deadbeef";

    private static readonly string[] JobProperties =
        ["id", "realm_id", "tenant_id", "identity_id", "delivery_method", "state", "post_binding_redirect_uri", "authenticator_config_id", "expire_time", "create_time", "update_time"];

    /// <summary>Create bodies that must be refused with 400, and the field each must name; <c>{c}</c> is a real config id.</summary>
    public static TheoryData<string, string> InvalidCreateBodies => new()
    {
        { """{"job":{"authenticator_config_id":"{c}"}}""", "job.delivery_method" },
        { """{"job":{"delivery_method":"SMS","authenticator_config_id":"{c}"}}""", "job.delivery_method" },
        { """{"job":{"delivery_method":"return","authenticator_config_id":"{c}"}}""", "job.delivery_method" },
        { """{"job":{"delivery_method":"","authenticator_config_id":"{c}"}}""", "job.delivery_method" },
        { """{"job":{"delivery_method":1,"authenticator_config_id":"{c}"}}""", "job.delivery_method" },
        { """{"job":{"delivery_method":"RETURN"}}""", "job.authenticator_config_id" },
        { """{"job":{"delivery_method":"RETURN","authenticator_config_id":""}}""", "job.authenticator_config_id" },
        { """{"job":{"delivery_method":"RETURN","authenticator_config_id":7}}""", "job.authenticator_config_id" },
        { """{"job":{"delivery_method":"RETURN","authenticator_config":{"config":{"type":"embedded","invoke_url":"https://a.test","trusted_origins":["https://a.test"]}}}}""", "job.authenticator_config" },
        { """{"job":{"delivery_method":"RETURN","authenticator_config_id":"{c}","post_binding_redirect_uri":"not a url"}}""", "job.post_binding_redirect_uri" },
        { """{"job":{"delivery_method":"RETURN","authenticator_config_id":"{c}","post_binding_redirect_uri":"javascript:alert(1)"}}""", "job.post_binding_redirect_uri" },
        { $$$$"""{"job":{"delivery_method":"RETURN","authenticator_config_id":"{c}","post_binding_redirect_uri":"https://app.test/{{{{new string('x', 2100)}}}}"}}""", "job.post_binding_redirect_uri" },
        { """{"job":{"delivery_method":"RETURN","authenticator_config_id":"{c}","post_binding_redirect_uri":5}}""", "job.post_binding_redirect_uri" },
        { """{"job":null}""", "job" },
        { """{"job":"RETURN"}""", "job" },
        { """{"credential_binding_job":{"delivery_method":"RETURN","authenticator_config_id":"{c}"}}""", "job" },
        { """{}""", "job" },
    };

    public static TheoryData<string> MalformedBodies => MalformedJson.Bodies(
        """{"job":{"delivery_method":"RETURN","delivery_method":"EMAIL","authenticator_config_id":"{c}"}}""",
        new string('{', 5_000));

    [Fact]
    public async Task Create_Return_Returns200WithJobAndLink()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);
        var identityId = Wire.Id(identity);

        using var response = await client.PostAsync(Jobs(access, identityId), Api.Json(
            $$$$"""{"job":{"delivery_method":"RETURN","authenticator_config_id":"{{{{access.AuthenticatorConfigId}}}}","post_binding_redirect_uri":"http://example.com/callback"}}"""));

        var created = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(created, "credential_binding_job", "credential_binding_link");
        var job = created.GetProperty("credential_binding_job");
        Wire.AssertProperties(job, JobProperties);
        Assert.Matches("^[0-9a-f]{16}$", Wire.Id(job));
        Assert.Equal(access.RealmId, job.GetProperty("realm_id").GetString());
        Assert.Equal(access.TenantId, job.GetProperty("tenant_id").GetString());
        Assert.Equal(identityId, job.GetProperty("identity_id").GetString());
        Assert.Equal("RETURN", job.GetProperty("delivery_method").GetString());
        Assert.Equal("LINK_SENT", job.GetProperty("state").GetString());
        Assert.Equal("http://example.com/callback", job.GetProperty("post_binding_redirect_uri").GetString());
        Assert.Equal(access.AuthenticatorConfigId, job.GetProperty("authenticator_config_id").GetString());
        Wire.AssertTimestamp(job, "create_time");
        Wire.AssertTimestamp(job, "update_time");
        Wire.AssertTimestamp(job, "expire_time");
        Assert.InRange(server.Time.GetUtcNow() - Wire.Time(job, "create_time"), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Assert.Equal(Wire.Time(job, "create_time") + TimeSpan.FromMinutes(10), Wire.Time(job, "expire_time"));

        var link = created.GetProperty("credential_binding_link").GetString()!;
        var match = LinkPattern().Match(link);
        Assert.True(match.Success, $"not a binding link of product.md point 5: {link}");
        Assert.Equal(PassbindServerFactory.PublicBaseUrl, match.Groups["auth"].Value);
        Assert.Equal(access.TenantId, match.Groups["t"].Value);
        Assert.Equal(access.RealmId, match.Groups["r"].Value);
        Assert.Equal(identityId, match.Groups["i"].Value);
        Assert.Equal(Wire.Id(job), match.Groups["job"].Value);
    }

    [Fact]
    public async Task Create_ReturnWithoutRedirect_OmitsRedirectAndCredentialId()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);

        var job = (await CreateAsync(client, access, Wire.Id(identity))).Job;

        Wire.AssertProperties(job, JobProperties.Where(p => p != "post_binding_redirect_uri").ToArray());
    }

    [Fact]
    public async Task Create_Email_Returns200WithoutLinkKey()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identity = await PassbindServer.CreateIdentityAsync(client, access.RealmPath);

        using var response = await client.PostAsync(Jobs(access, Wire.Id(identity)), Api.Json(
            $$$$"""{"job":{"delivery_method":"EMAIL","authenticator_config_id":"{{{{access.AuthenticatorConfigId}}}}"}}"""));

        var created = await Api.ReadJsonAsync(response, expectedStatus: 200);
        Wire.AssertProperties(created, "credential_binding_job");
        var job = created.GetProperty("credential_binding_job");
        Assert.Equal("EMAIL", job.GetProperty("delivery_method").GetString());
        Assert.Equal("LINK_SENT", job.GetProperty("state").GetString());
        Assert.Equal(Wire.Time(job, "create_time") + TimeSpan.FromHours(24), Wire.Time(job, "expire_time"));
    }

    [Fact]
    public async Task Create_EmailForIdentityWithoutAddress_Returns422AndStoresNothing()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        using var made = await client.PostAsync($"{access.RealmPath}/identities",
            Api.Json($$$$"""{"identity":{"display_name":"No Mail","traits":{"type":"traits_v0","username":"{{{{PassbindServer.NewUsername()}}}}"}}}"""));
        var identityId = Wire.Id(await Api.ReadJsonAsync(made, expectedStatus: 200));

        using var response = await client.PostAsync(Jobs(access, identityId), Api.Json(
            $$$$"""{"job":{"delivery_method":"EMAIL","authenticator_config_id":"{{{{access.AuthenticatorConfigId}}}}"}}"""));

        var error = await Api.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "unprocessable_entity");
        Assert.Equal("Identity missing email address", error.GetProperty("message").GetString());
        Assert.Equal(0, await Api.CountAsync(client, Jobs(access, "-")));
    }

    [Fact]
    public async Task Create_SuspendedIdentity_Returns422AndStoresNothing()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        using var suspended = await client.PatchAsync($"{access.RealmPath}/identities/{identityId}", Api.Json("""{"identity":{"status":"suspended"}}"""));
        await Api.ReadJsonAsync(suspended, expectedStatus: 200);

        using var response = await client.PostAsync(Jobs(access, identityId), Api.Json(ReturnBody(access.AuthenticatorConfigId)));

        var error = await Api.AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "unprocessable_entity");
        var detail = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal("ResourceInfo", detail.GetProperty("type").GetString());
        Assert.Equal("Identity", detail.GetProperty("resource_type").GetString());
        Assert.Equal(identityId, detail.GetProperty("id").GetString());
        Assert.Equal(0, await Api.CountAsync(client, Jobs(access, "-")));
    }

    [Fact]
    public async Task Create_UnknownAuthenticatorConfig_Returns404AndStoresNothing()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        const string unknownConfig = "00000000-0000-0000-0000-00000000beef";

        using var response = await client.PostAsync(Jobs(access, identityId), Api.Json(ReturnBody(unknownConfig)));

        await Api.AssertNotFoundAsync(response, "AuthenticatorConfig", unknownConfig);
        Assert.Equal(0, await Api.CountAsync(client, Jobs(access, "-")));
    }

    [Fact]
    public async Task Create_AuthenticatorConfigOfAnotherTenant_AnswersLikeUnknownConfig()
    {
        var victim = await server.CreateTenantAsync();
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        const string unknownConfig = "00000000-0000-0000-0000-00000000beef";

        var real = await Wire.SendAsync(client, "POST", Jobs(access, identityId), ReturnBody(victim.AuthenticatorConfigId));
        var random = await Wire.SendAsync(client, "POST", Jobs(access, identityId), ReturnBody(unknownConfig));

        Assert.Equal(HttpStatusCode.NotFound, real.Status);
        Assert.Equal(random.Status, real.Status);
        Assert.Equal(random.Body.Replace(unknownConfig, "{id}", StringComparison.Ordinal), real.Body.Replace(victim.AuthenticatorConfigId, "{id}", StringComparison.Ordinal));
        Assert.Equal(0, await Api.CountAsync(client, Jobs(access, "-")));
    }

    [Fact]
    public async Task Create_UnknownIdentity_Returns404Identity()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.PostAsync(Jobs(access, RandomId), Api.Json(ReturnBody(access.AuthenticatorConfigId)));

        await Api.AssertNotFoundAsync(response, "Identity");
    }

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task Create_InvalidField_Returns400NamingFieldAndStoresNothing(string body, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));

        using var response = await client.PostAsync(Jobs(access, identityId), Api.Json(body.Replace("{c}", access.AuthenticatorConfigId, StringComparison.Ordinal)));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
        Assert.Equal(0, await Api.CountAsync(client, Jobs(access, "-")));
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Create_MalformedJson_Returns400AndStoresNothing(string body)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));

        using var response = await client.PostAsync(Jobs(access, identityId), Api.Json(body.Replace("{c}", access.AuthenticatorConfigId, StringComparison.Ordinal)));

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request");
        Assert.Equal(0, await Api.CountAsync(client, Jobs(access, "-")));
    }

    [Fact]
    public async Task Get_Created_ReturnsSameBareJob()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var created = await CreateAsync(client, access, identityId);

        using var response = await client.GetAsync($"{Jobs(access, identityId)}/{Wire.Id(created.Job)}");

        Assert.Equal(created.Job.ToString(), (await Api.ReadJsonAsync(response, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Get_UnknownJobOrJobOfAnotherIdentity_Returns404Job()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var otherIdentityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var jobId = Wire.Id((await CreateAsync(client, access, identityId)).Job);

        using var unknown = await client.GetAsync($"{Jobs(access, identityId)}/{RandomId}");

        await Api.AssertNotFoundAsync(unknown, "CredentialBindingJob");
        await Wire.AssertLikeRandomAsync(client, "GET", $"{Jobs(access, otherIdentityId)}/{jobId}", jobId, $"{Jobs(access, otherIdentityId)}/{RandomId}", RandomId);
    }

    [Fact]
    public async Task Create_UsableLink_IdentityReadsPendingUntilTheLinkExpires()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var identityPath = $"{access.RealmPath}/identities/{identityId}";

        async Task<string?> EnrollmentAsync()
        {
            using var response = await client.GetAsync(identityPath);
            return (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("enrollment_status").GetString();
        }

        Assert.Equal("UNENROLLED", await EnrollmentAsync());
        await CreateAsync(client, access, identityId);
        Assert.Equal("PENDING", await EnrollmentAsync());

        server.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal("UNENROLLED", await EnrollmentAsync());
    }

    [Fact]
    public async Task Get_AfterExpireTime_ReadsExpiredAndStateFilterFindsIt()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var created = await CreateAsync(client, access, identityId);
        var path = $"{Jobs(access, identityId)}/{Wire.Id(created.Job)}";

        server.Time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        using var before = await client.GetAsync(path);
        Assert.Equal("LINK_SENT", (await Api.ReadJsonAsync(before, expectedStatus: 200)).GetProperty("state").GetString());
        server.Time.Advance(TimeSpan.FromSeconds(2));

        using var after = await client.GetAsync(path);
        var expiredFilter = await Wire.ListAsync(client, Jobs(access, "-"), "credential_binding_jobs", $"filter={Uri.EscapeDataString("state eq \"EXPIRED\"")}");
        var sentFilter = await Wire.ListAsync(client, Jobs(access, "-"), "credential_binding_jobs", $"filter={Uri.EscapeDataString("state eq \"LINK_SENT\"")}");

        var job = await Api.ReadJsonAsync(after, expectedStatus: 200);
        Assert.Equal("EXPIRED", job.GetProperty("state").GetString());
        Assert.Equal(created.Job.GetProperty("expire_time").GetString(), job.GetProperty("expire_time").GetString());
        Assert.Equal([Wire.Id(created.Job)], expiredFilter.Items.Select(Wire.Id));
        Assert.Equal("EXPIRED", expiredFilter.Items[0].GetProperty("state").GetString());
        Assert.Empty(sentFilter.Items);
        Assert.Equal(0, sentFilter.TotalSize);
    }

    [Fact]
    public async Task List_OneIdentityAndWildcard_ReturnTheirJobs()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var first = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var second = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var a = await CreateAsync(client, access, first);
        var b = await CreateAsync(client, access, first);
        var c = await CreateAsync(client, access, second);

        var ofFirst = await Wire.ListAsync(client, Jobs(access, first), "credential_binding_jobs");
        var ofAll = await Wire.ListAsync(client, Jobs(access, "-"), "credential_binding_jobs");

        Assert.Equal(new[] { a, b }.Select(j => Wire.Id(j.Job)).Order(), ofFirst.Items.Select(Wire.Id).Order());
        Assert.Equal(2, ofFirst.TotalSize);
        Assert.Null(ofFirst.NextPageToken);
        Assert.Equal(new[] { a, b, c }.Select(j => Wire.Id(j.Job)).Order(), ofAll.Items.Select(Wire.Id).Order());
        Assert.Equal(3, ofAll.TotalSize);
        Assert.Equal(a.Job.ToString(), ofFirst.Items.Single(j => Wire.Id(j) == Wire.Id(a.Job)).ToString());
    }

    [Fact]
    public async Task List_SeveralPages_ReturnsEveryJobOnceWithTotalSize()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var expected = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            expected.Add(Wire.Id((await CreateAsync(client, access, identityId)).Job));
        }

        foreach (var path in new[] { Jobs(access, identityId), Jobs(access, "-") })
        {
            await Wire.AssertPagesCoverAsync(client, path, "credential_binding_jobs", expected);
        }
    }

    [Fact]
    public async Task List_PageSizeAboveMaximum_IsClampedTo200()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        await CreateAsync(client, access, identityId);

        var page = await Wire.ListAsync(client, Jobs(access, "-"), "credential_binding_jobs", "page_size=4294967295");

        Assert.Single(page.Items);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task List_DeliveryMethodAndStateFilters_FindOnlyMatches()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var returned = await CreateAsync(client, access, identityId);
        var emailed = await CreateAsync(client, access, identityId, "EMAIL");
        var revoked = await CreateAsync(client, access, identityId);
        using var revoke = await client.PostAsync($"{Jobs(access, identityId)}/{Wire.Id(revoked.Job)}:revoke", Api.Json("{}"));
        await Api.ReadJsonAsync(revoke, expectedStatus: 200);

        async Task<List<string>> FilterAsync(string path, string filter) =>
            (await Wire.ListAsync(client, path, "credential_binding_jobs", $"filter={Uri.EscapeDataString(filter)}")).Items.Select(Wire.Id).Order().ToList();

        foreach (var path in new[] { Jobs(access, identityId), Jobs(access, "-") })
        {
            Assert.Equal([Wire.Id(emailed.Job)], await FilterAsync(path, "delivery_method eq \"EMAIL\""));
            Assert.Equal(new[] { returned, revoked }.Select(j => Wire.Id(j.Job)).Order(), await FilterAsync(path, "delivery_method eq \"RETURN\""));
            Assert.Equal([Wire.Id(revoked.Job)], await FilterAsync(path, "state eq \"REVOKED\""));
            Assert.Equal(new[] { returned, emailed }.Select(j => Wire.Id(j.Job)).Order(), await FilterAsync(path, "state eq \"LINK_SENT\""));
            Assert.Empty(await FilterAsync(path, "state eq \"COMPLETE\""));
        }
    }

    [Fact]
    public async Task List_FilteredPages_KeepTheFilter()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var expected = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            expected.Add(Wire.Id((await CreateAsync(client, access, identityId)).Job));
            await CreateAsync(client, access, identityId, "EMAIL");
        }

        await Wire.AssertPagesCoverAsync(client, Jobs(access, "-"), "credential_binding_jobs", expected, filter: "delivery_method eq \"RETURN\"");
    }

    public static TheoryData<string, string> InvalidListQueries => ListQueries.Invalid(
        "identity_id%20eq%20%22x%22", "state%20ne%20%22REVOKED%22", "state");

    [Theory]
    [MemberData(nameof(InvalidListQueries))]
    public async Task List_InvalidQuery_Returns400NamingParameter(string query, string field)
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.GetAsync($"{Jobs(access, "-")}?{query}");

        await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", field);
    }

    [Fact]
    public async Task List_PageTokenOfAnotherCollectionOrTenant_Returns400()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var first = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var second = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        for (var i = 0; i < 2; i++)
        {
            await CreateAsync(client, access, first);
            await CreateAsync(client, access, second);
        }

        var wildcardToken = await Wire.FirstPageTokenAsync(client, Jobs(access, "-"), "credential_binding_jobs");
        var firstToken = await Wire.FirstPageTokenAsync(client, Jobs(access, first), "credential_binding_jobs");
        var other = await server.CreateTenantAsync();
        using var otherClient = server.CreateClient(other.AccessToken);
        var otherIdentity = Wire.Id(await PassbindServer.CreateIdentityAsync(otherClient, other.RealmPath));
        await CreateAsync(otherClient, other, otherIdentity);
        await CreateAsync(otherClient, other, otherIdentity);
        var foreignToken = await Wire.FirstPageTokenAsync(otherClient, Jobs(other, "-"), "credential_binding_jobs");

        foreach (var (path, token) in new[] { (Jobs(access, first), wildcardToken), (Jobs(access, second), firstToken), (Jobs(access, "-"), firstToken), (Jobs(access, "-"), foreignToken) })
        {
            using var response = await client.GetAsync($"{path}?page_token={Uri.EscapeDataString(token)}");
            await Api.AssertErrorAsync(response, HttpStatusCode.BadRequest, "bad_request", "page_token");
        }
    }

    [Fact]
    public async Task List_UnknownIdentity_Returns404Identity()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);

        using var response = await client.GetAsync(Jobs(access, RandomId));

        await Api.AssertNotFoundAsync(response, "Identity");
    }

    [Fact]
    public async Task Revoke_LinkSentJob_ReturnsRevokedAndIsIdempotent()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var created = await CreateAsync(client, access, identityId);
        var path = $"{Jobs(access, identityId)}/{Wire.Id(created.Job)}";
        server.Time.Advance(TimeSpan.FromSeconds(5));

        using var response = await client.PostAsync($"{path}:revoke", Api.Json("{}"));
        var revoked = await Api.ReadJsonAsync(response, expectedStatus: 200);
        server.Time.Advance(TimeSpan.FromSeconds(5));
        using var again = await client.PostAsync($"{path}:revoke", Api.Json("{}"));
        using var fetched = await client.GetAsync(path);

        Wire.AssertProperties(revoked, JobProperties.Where(p => p != "post_binding_redirect_uri").ToArray());
        Assert.Equal("REVOKED", revoked.GetProperty("state").GetString());
        Assert.Equal(created.Job.GetProperty("create_time").GetString(), revoked.GetProperty("create_time").GetString());
        Assert.Equal(Wire.Time(created.Job, "create_time") + TimeSpan.FromSeconds(5), Wire.Time(revoked, "update_time"));
        Assert.Equal(revoked.ToString(), (await Api.ReadJsonAsync(again, expectedStatus: 200)).ToString());
        Assert.Equal(revoked.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Revoke_WithoutBody_ReturnsRevoked()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var created = await CreateAsync(client, access, identityId);

        using var response = await client.PostAsync($"{Jobs(access, identityId)}/{Wire.Id(created.Job)}:revoke", content: null);

        Assert.Equal("REVOKED", (await Api.ReadJsonAsync(response, expectedStatus: 200)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Revoke_CompleteJob_Returns409AndKeepsItComplete()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var created = await CreateAsync(client, access, identityId);
        var jobId = Wire.Id(created.Job);
        var credential = await server.InsertCredentialAsync(access.TenantId, access.RealmId, identityId, jobId);
        var path = $"{Jobs(access, identityId)}/{jobId}";
        using var before = await client.GetAsync(path);
        var complete = await Api.ReadJsonAsync(before, expectedStatus: 200);

        using var response = await client.PostAsync($"{path}:revoke", Api.Json("{}"));

        await Api.AssertErrorAsync(response, HttpStatusCode.Conflict, "conflict");
        Assert.Equal("COMPLETE", complete.GetProperty("state").GetString());
        Assert.Equal(credential.Id, complete.GetProperty("credential_id").GetString());
        using var after = await client.GetAsync(path);
        Assert.Equal(complete.ToString(), (await Api.ReadJsonAsync(after, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Revoke_UnknownJob_Returns404()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));

        using var response = await client.PostAsync($"{Jobs(access, identityId)}/{RandomId}:revoke", Api.Json("{}"));

        await Api.AssertNotFoundAsync(response, "CredentialBindingJob");
    }

    [Fact]
    public async Task Routes_AnotherTenantsToken_AnswerExactlyLikeRandomIds()
    {
        var victim = await server.CreateTenantAsync();
        using var owner = server.CreateClient(victim.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(owner, victim.RealmPath));
        var created = await CreateAsync(owner, victim, identityId);
        var jobId = Wire.Id(created.Job);
        var other = await server.CreateTenantAsync();
        using var intruder = server.CreateClient(other.AccessToken);

        foreach (var access in new[] { victim, other })
        {
            await Wire.AssertLikeRandomAsync(intruder, "GET", $"{Jobs(access, identityId)}/{jobId}", jobId, $"{Jobs(access, identityId)}/{RandomId}", RandomId);
            await Wire.AssertLikeRandomAsync(intruder, "POST", $"{Jobs(access, identityId)}/{jobId}:revoke", jobId, $"{Jobs(access, identityId)}/{RandomId}:revoke", RandomId, "{}");
            await Wire.AssertLikeRandomAsync(intruder, "GET", Jobs(access, identityId), identityId, Jobs(access, RandomId), RandomId);
            await Wire.AssertLikeRandomAsync(intruder, "POST", Jobs(access, identityId), identityId, Jobs(access, RandomId), RandomId, ReturnBody(victim.AuthenticatorConfigId));
        }

        var own = await Wire.ListAsync(intruder, Jobs(other, "-"), "credential_binding_jobs");
        Assert.Empty(own.Items);
        using var fetched = await owner.GetAsync($"{Jobs(victim, identityId)}/{jobId}");
        Assert.Equal(created.Job.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
        Assert.Equal(1, await Api.CountAsync(owner, Jobs(victim, "-")));
    }

    [Fact]
    public async Task RealmScopedToken_CannotSeeAnotherRealmsJobs()
    {
        var tenant = await server.CreateTenantAsync();
        using var owner = server.CreateClient(tenant.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(owner, tenant.RealmPath));
        var jobId = Wire.Id((await CreateAsync(owner, tenant, identityId)).Job);
        var scoped = await server.CreateRealmAsync(tenant.TenantId, realmOnlyToken: true);
        using var client = server.CreateClient(scoped.AccessToken);
        const string unknownRealm = "00000000deadbeef";
        string Unknown(string suffix) => $"/v1/tenants/{tenant.TenantId}/realms/{unknownRealm}/identities{suffix}";

        await Wire.AssertLikeRandomAsync(client, "GET", $"{Jobs(tenant, identityId)}/{jobId}", tenant.RealmId, Unknown($"/{identityId}/credential-binding-jobs/{jobId}"), unknownRealm);
        await Wire.AssertLikeRandomAsync(client, "GET", Jobs(tenant, "-"), tenant.RealmId, Unknown("/-/credential-binding-jobs"), unknownRealm);
        await Wire.AssertLikeRandomAsync(client, "POST", $"{Jobs(tenant, identityId)}/{jobId}:revoke", tenant.RealmId, Unknown($"/{identityId}/credential-binding-jobs/{jobId}:revoke"), unknownRealm, "{}");
        Assert.Empty((await Wire.ListAsync(client, Jobs(scoped, "-"), "credential_binding_jobs")).Items);
        using var fetched = await owner.GetAsync($"{Jobs(tenant, identityId)}/{jobId}");
        Assert.Equal("LINK_SENT", (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("create", "credential-binding-jobs:read credential-binding-jobs:revoke identities:create")]
    [InlineData("list", "credential-binding-jobs:create")]
    [InlineData("get", "credential-binding-jobs:create credential-binding-jobs:revoke")]
    [InlineData("revoke", "credential-binding-jobs:create credential-binding-jobs:read")]
    public async Task Routes_TokenWithoutScope_Return403AndChangeNothing(string operation, string scopes)
    {
        var access = await server.CreateTenantAsync(scopes: scopes.Split(' '));
        var full = await server.RequestTokenAsync(access.TokenPath, access.ClientId, access.ClientSecret);
        using var owner = server.CreateClient(full);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(owner, access.RealmPath));
        var created = await CreateAsync(owner, access, identityId);
        var jobPath = $"{Jobs(access, identityId)}/{Wire.Id(created.Job)}";
        using var client = server.CreateClient(access.AccessToken);

        var answer = operation switch
        {
            "create" => await Wire.SendAsync(client, "POST", Jobs(access, identityId), ReturnBody(access.AuthenticatorConfigId)),
            "list" => await Wire.SendAsync(client, "GET", Jobs(access, "-")),
            "get" => await Wire.SendAsync(client, "GET", jobPath),
            _ => await Wire.SendAsync(client, "POST", $"{jobPath}:revoke", "{}"),
        };

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("""{"code":"forbidden","message":"forbidden"}""", answer.Body);
        Assert.Equal(1, await Api.CountAsync(owner, Jobs(access, "-")));
        using var fetched = await owner.GetAsync(jobPath);
        Assert.Equal(created.Job.ToString(), (await Api.ReadJsonAsync(fetched, expectedStatus: 200)).ToString());
    }

    [Fact]
    public async Task Create_HundredReturnLinks_AreDistinctAndStoredOnlyAsSha256()
    {
        var access = await server.CreateTenantAsync();
        using var client = server.CreateClient(access.AccessToken);
        var identityId = Wire.Id(await PassbindServer.CreateIdentityAsync(client, access.RealmPath));
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 100; i++)
        {
            var created = await CreateAsync(client, access, identityId);
            var match = LinkPattern().Match(created.Link!);
            Assert.True(match.Success, $"not a binding link: {created.Link}");
            tokens.Add(match.Groups["token"].Value, Wire.Id(created.Job));
        }

        Assert.Equal(100, tokens.Count);
        Assert.All(tokens.Keys, token => Assert.Matches("^[A-Za-z0-9_-]{64}$", token));

        // The stored hash of each job is the SHA-256 of its token.
        var hashes = await server.QueryDbAsync(db => db.CredentialBindingJobs.AsNoTracking()
            .Where(j => j.TenantId == access.TenantId).ToDictionaryAsync(j => j.Id, j => j.TokenHash));
        Assert.Equal(100, hashes.Count);
        foreach (var (token, jobId) in tokens)
        {
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), hashes[jobId]);
        }

        // No column of any row holds a token, in any of the encodings a careless store would use.
        var stored = await server.QueryDbAsync(ReadEveryValueAsync);
        Assert.True(stored.Count >= 100 * JobProperties.Length, $"read only {stored.Count} values from credential_binding_jobs");
        foreach (var token in tokens.Keys)
        {
            var raw = Base64Url.DecodeFromChars(token);
            string[] forms = [token, Convert.ToBase64String(raw), Convert.ToHexString(raw), Convert.ToHexStringLower(raw), Convert.ToBase64String(Encoding.UTF8.GetBytes(token))];
            Assert.DoesNotContain(stored, value => forms.Any(form => value.Contains(form, StringComparison.OrdinalIgnoreCase)));
        }
    }

    /// <summary>Every value of every column of credential_binding_jobs, as text (bytes as base64 and hex as well).</summary>
    private static async Task<List<string>> ReadEveryValueAsync(Passbind.Storage.PassbindDbContext db)
    {
        var values = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM credential_binding_jobs";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    switch (reader.IsDBNull(i) ? null : reader.GetValue(i))
                    {
                        case null:
                            break;
                        case byte[] bytes:
                            values.Add(Convert.ToBase64String(bytes));
                            values.Add(Convert.ToHexString(bytes));
                            values.Add(Encoding.UTF8.GetString(bytes));
                            break;
                        case var value:
                            values.Add(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                            break;
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return values;
    }

    private sealed record CreatedJob(JsonElement Job, string? Link);

    private static string Jobs(TenantAccess access, string identityId) => $"{access.RealmPath}/identities/{identityId}/credential-binding-jobs";

    private static string ReturnBody(string configId, string method = "RETURN") =>
        $$$$"""{"job":{"delivery_method":"{{{{method}}}}","authenticator_config_id":"{{{{configId}}}}"}}""";

    private static async Task<CreatedJob> CreateAsync(HttpClient client, TenantAccess access, string identityId, string method = "RETURN")
    {
        using var response = await client.PostAsync(Jobs(access, identityId), Api.Json(ReturnBody(access.AuthenticatorConfigId, method)));
        var created = await Api.ReadJsonAsync(response, expectedStatus: 200);
        return new CreatedJob(created.GetProperty("credential_binding_job"),
            created.TryGetProperty("credential_binding_link", out var link) ? link.GetString() : null);
    }

    [GeneratedRegex(@"^(?<auth>https?://[^/]+)/v1/tenants/(?<t>[0-9a-f]{16})/realms/(?<r>[0-9a-f]{16})/identities/(?<i>[0-9a-f]{16})/credential-binding-jobs/(?<job>[0-9a-f]{16}):invokeAuthenticator\?token=(?<token>[A-Za-z0-9_-]{64})$")]
    private static partial Regex LinkPattern();

    public sealed class Sqlite(SqliteServer server) : BindingJobEndpointsTests(server), IClassFixture<SqliteServer>;

    public sealed class PostgreSql(PostgreSqlServer server) : BindingJobEndpointsTests(server), IClassFixture<PostgreSqlServer>;
}
