using Passbind.Sdk.Tests.Fakes;

namespace Passbind.Sdk.Tests;

/// <summary><see cref="Embedded.IsBindPasskeyUrl(string?)"/>: shape only, both link forms, never throws.</summary>
public sealed class EmbeddedIsBindPasskeyUrlTests : IDisposable
{
    private const string Token = "To9jFj5GkhqDzWtwHFYwO9XFuUKa2kPAScZNfqffJ0TJTSVIZW_pI_TZJ8iD7MDZ";
    private const string Placeholder = "0123456789ABCDEF";
    private const string UuidJob = "01234567-89AB-CDEF-0123-456789ABCDEF";

    private readonly TestDirectory _directory = new();

    public static TheoryData<string> BindUrls => new()
    {
        // Beyond Identity's real link (bi-sdk-android EmbeddedSdkTests).
        "https://auth-us.beyondidentity.com/v1/tenants/0001e3214d99f585/realms/8c4223d484c685db/identities/534f87b7c4ec9367/credential-binding-jobs/7b9727cd4d8c525d:invokeAuthenticator?token=" + Token,
        // Beyond Identity's SDK tests: placeholder ids, UUID job id, a host that does not matter.
        $"https://auth-us.beyondidentity.com/v1/tenants/{Placeholder}/realms/{Placeholder}/identities/{Placeholder}/credential-binding-jobs/{UuidJob}:invokeAuthenticator?token={Token}",
        $"https://auth-us.beyondidentity.run/v1/tenants/{Placeholder}/realms/{Placeholder}/identities/{Placeholder}/credential-binding-jobs/{Placeholder}:invokeAuthenticator?token={Token}",
        $"http://localhost:5000/v1/tenants/{Placeholder}/realms/{Placeholder}/identities/{Placeholder}/credential-binding-jobs/{UuidJob}:invokeAuthenticator?token={Token}&extra=1",
        $"https://example.com/prefix/v1/tenants/t/realms/r/identities/i/credential-binding-jobs/j:invokeAuthenticator?token={Token}",
        // Form B: the 302 target, on a web invoke URL and on an app scheme without a path.
        FakeBindingServer.LinkB("http://example.com", "https://auth-us.beyondidentity.com", Token),
        FakeBindingServer.LinkB("https://app.example.com/some/path", "http://localhost:5000", Token),
        $"myapp://bind?api_base_url=https%3A%2F%2Fauth-us.beyondidentity.com&tenant_id={Placeholder}&realm_id={Placeholder}&identity_id={Placeholder}&job_id={UuidJob}&token={Token}",
        $"myapp://bind/?api_base_url=http://localhost:5000&tenant_id=t&realm_id=r&identity_id=i&job_id=j&token={Token}",
        $"http://example.com/bind/?api_base_url=http://localhost:5000&tenant_id=t&realm_id=r&identity_id=i&job_id=j&token={Token}",
        $"  http://example.com/bind?token={Token}&job_id=j&identity_id=i&realm_id=r&tenant_id=t&api_base_url=http://localhost:5000  ",
    };

    public static TheoryData<string?> NotBindUrls => new()
    {
        null,
        "",
        "   ",
        "garbage",
        "not a url at all",
        "bind",
        "/bind?api_base_url=http://localhost&tenant_id=t&realm_id=r&identity_id=i&job_id=j&token=x",
        "https://example.com",
        "https://example.com/bind",
        // Authenticate URLs are not bind URLs.
        "https://auth.thisurldoesntmatter.com/bi-authenticate?request=eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
        "acme://bi-authenticate?request=eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
        "http://localhost:8083/bi-authenticate?request=abc",
        // Form A, broken.
        $"https://auth-us.beyondidentity.com/v1/tenants/{Placeholder}/realms/{Placeholder}/identities/{Placeholder}/credential-binding-jobs/{UuidJob}:invokeAuthenticator",
        $"https://auth-us.beyondidentity.com/v1/tenants/{Placeholder}/realms/{Placeholder}/identities/{Placeholder}/credential-binding-jobs/{UuidJob}:invokeAuthenticator?token=",
        $"https://auth-us.beyondidentity.com/v1/tenants/{Placeholder}/realms/{Placeholder}/identities/{Placeholder}/credential-binding-jobs/:invokeAuthenticator?token={Token}",
        $"https://auth-us.beyondidentity.com/v1/tenants/{Placeholder}/realms/{Placeholder}/credential-binding-jobs/{UuidJob}:invokeAuthenticator?token={Token}",
        $"https://auth-us.beyondidentity.com/v1/tenants/{Placeholder}/realms/{Placeholder}/identities/{Placeholder}/credential-binding-jobs/{UuidJob}:revoke?token={Token}",
        $"https://auth-us.beyondidentity.com/v1/tenants/{Placeholder}/realms/{Placeholder}/identities/{Placeholder}/credentials/{UuidJob}:invokeAuthenticator?token={Token}",
        $"ftp://example.com/v1/tenants/t/realms/r/identities/i/credential-binding-jobs/j:invokeAuthenticator?token={Token}",
        // Form B, broken.
        $"http://example.com/bind?api_base_url=http://localhost:5000&tenant_id=t&realm_id=r&identity_id=i&token={Token}",
        $"http://example.com/bind?api_base_url=http://localhost:5000&tenant_id=t&realm_id=r&identity_id=i&job_id=&token={Token}",
        $"http://example.com/binding?api_base_url=http://localhost:5000&tenant_id=t&realm_id=r&identity_id=i&job_id=j&token={Token}",
        $"http://example.com/bind?api_base_url=not-a-url&tenant_id=t&realm_id=r&identity_id=i&job_id=j&token={Token}",
        $"http://example.com/bind?api_base_url=javascript:alert(1)&tenant_id=t&realm_id=r&identity_id=i&job_id=j&token={Token}",
        $"myapp://other?api_base_url=http://localhost:5000&tenant_id=t&realm_id=r&identity_id=i&job_id=j&token={Token}",
        $"http://example.com/bind?api_base_url=http://localhost:5000&tenant_id=t&tenant_id=u&realm_id=r&identity_id=i&job_id=j&token={Token}",
    };

    [Theory]
    [MemberData(nameof(BindUrls))]
    public async Task IsBindPasskeyUrl_EitherLinkForm_ReturnsTrue(string url)
    {
        var embedded = await InitializeAsync();

        Assert.True(embedded.IsBindPasskeyUrl(url));
    }

    [Theory]
    [MemberData(nameof(NotBindUrls))]
    public async Task IsBindPasskeyUrl_AnythingElse_ReturnsFalse(string? url)
    {
        var embedded = await InitializeAsync();

        Assert.False(embedded.IsBindPasskeyUrl(url));
    }

    [Fact]
    public async Task IsBindPasskeyUrl_HostNotAllowed_StillReturnsTrue()
    {
        // Host-agnostic, like Beyond Identity's: the allow-list applies to what is sent, not to the shape.
        var embedded = await InitializeAsync();

        Assert.True(embedded.IsBindPasskeyUrl(FakeBindingServer.LinkA("https://not-allowed.example", Token)));
    }

    public void Dispose() => _directory.Dispose();

    private Task<Embedded> InitializeAsync() => Embedded.InitializeAsync(new EmbeddedOptions
    {
        StoreDirectory = _directory.StoreDirectory,
        StoreKeyFile = _directory.StoreKeyFile,
        HttpMessageHandler = new FakeBindingServer(),
    });
}
