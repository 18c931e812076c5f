using Passbind.Sdk.Links;

namespace Passbind.Sdk.Tests.Links;

public sealed class BindingLinkTests
{
    [Fact]
    public void TryParse_InvokeForm_ExtractsBaseIdsAndToken()
    {
        Assert.True(BindingLink.TryParse(
            "https://auth.example.com/v1/tenants/t1/realms/r1/identities/i1/credential-binding-jobs/j1:invokeAuthenticator?token=abc_-",
            out var link));

        Assert.Equal("https://auth.example.com", link.ApiBase);
        Assert.Equal(("t1", "r1", "i1", "j1", "abc_-"), (link.TenantId, link.RealmId, link.IdentityId, link.JobId, link.Token));
        Assert.Equal(
            "https://auth.example.com/v1/tenants/t1/realms/r1/identities/i1/credential-binding-jobs/j1:registrationOptions",
            link.JobMethodUrl("registrationOptions").AbsoluteUri);
    }

    [Fact]
    public void TryParse_InvokeFormUnderPathPrefix_KeepsPrefixInBase()
    {
        Assert.True(BindingLink.TryParse(
            "http://localhost:5000/passbind/v1/tenants/t/realms/r/identities/i/credential-binding-jobs/j:invokeAuthenticator?token=x",
            out var link));

        Assert.Equal("http://localhost:5000/passbind", link.ApiBase);
    }

    [Fact]
    public void TryParse_BindForm_ExtractsApiBaseUrlFromQuery()
    {
        Assert.True(BindingLink.TryParse(
            "myapp://bind?api_base_url=http%3A%2F%2Flocalhost%3A5000&tenant_id=t&realm_id=r&identity_id=i&job_id=j&token=tok",
            out var link));

        Assert.Equal("http://localhost:5000", link.ApiBase);
        Assert.Equal(("t", "r", "i", "j", "tok"), (link.TenantId, link.RealmId, link.IdentityId, link.JobId, link.Token));
    }

    [Fact]
    public void TryParse_BindFormWithDuplicateToken_ReturnsFalse()
    {
        Assert.False(BindingLink.TryParse(
            "https://app.example.com/bind?api_base_url=https://a.example&tenant_id=t&realm_id=r&identity_id=i&job_id=j&token=a&token=b",
            out _));
    }
}
