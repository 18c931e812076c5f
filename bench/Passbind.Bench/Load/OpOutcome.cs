namespace Passbind.Bench.Load;

internal enum OpOutcome
{
    Ok,
    Error,

    /// <summary>No prepared input left: the worker stops.</summary>
    Exhausted,
}
