namespace Passbind.Browser.Tests;

/// <summary>One server, one sample app and one Chromium for every browser test, which run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<RunningPassbind>
{
    public const string Name = "browser";
}
