namespace Passbind.Server.Tests.Infrastructure;

/// <summary>Settings that put the rate limits back to the server's defaults over the tests' "off".</summary>
public static class RateLimitedSettings
{
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["Passbind:RateLimits:TokenFailuresPerClient:Limit"] = "10",
        ["Passbind:RateLimits:TokenFailuresPerAddress:Limit"] = "50",
        ["Passbind:RateLimits:UnknownLinksPerAddress:Limit"] = "20",
        ["Passbind:RateLimits:EmailsPerIdentity:Limit"] = "10",
        ["Passbind:RateLimits:EmailsPerAddress:Limit"] = "10",
        ["Passbind:RateLimits:FailedCompletionsPerLink"] = "5",
        ["Passbind:RateLimits:MaxPasskeysPerIdentity"] = "20",
    };
}
