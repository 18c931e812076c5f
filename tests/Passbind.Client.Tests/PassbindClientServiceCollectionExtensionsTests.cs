using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Passbind.Client.Tests;

public sealed class PassbindClientServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddPassbindClient_TwoResolvedClients_ShareOneToken()
    {
        var handler = new FakeHttpMessageHandler { TokenResponder = n => (HttpStatusCode.OK, SpecExamples.Token($"token-{n}")) };
        handler.EnqueueOk(SpecExamples.Tenant);
        handler.EnqueueOk(SpecExamples.Tenant);
        var services = new ServiceCollection();
        services.AddPassbindClient(options =>
            {
                var defaults = TestClients.ClientCredentialsOptions();
                options.ApiBaseUrl = defaults.ApiBaseUrl;
                options.TenantId = defaults.TenantId;
                options.RealmId = defaults.RealmId;
                options.ManagementApplicationId = defaults.ManagementApplicationId;
                options.ClientId = defaults.ClientId;
                options.ClientSecret = defaults.ClientSecret;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<PassbindClient>().Tenant.GetAsync();
        await provider.GetRequiredService<PassbindClient>().Tenant.GetAsync();

        Assert.Single(handler.TokenRequests);
        Assert.Equal(2, handler.ApiRequests.Count);
    }

    [Fact]
    public void AddPassbindClient_IncompleteOptions_FailsValidation()
    {
        var services = new ServiceCollection();
        services.AddPassbindClient(options => options.TenantId = "0001f1f460b1ace6");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PassbindClientOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains("ApiBaseUrl", StringComparison.Ordinal));
    }
}
