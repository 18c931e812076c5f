namespace Passbind.Browser.Tests;

/// <summary>
/// One server, one sample app and one Chromium for every browser test, which run one at a time; and one console server
/// for the console's tests, started by the first of them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<RunningPassbind>, ICollectionFixture<Console.ConsoleServer>
{
    public const string Name = "browser";
}
