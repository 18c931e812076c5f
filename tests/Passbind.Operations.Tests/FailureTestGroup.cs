namespace Passbind.Operations.Tests;

/// <summary>The failure tests run one at a time: each runs its own load, and together they would measure the machine.</summary>
[CollectionDefinition(Name)]
public sealed class FailureTestGroup
{
    public const string Name = "Failure tests";
}
