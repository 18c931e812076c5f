namespace Passbind.Server.Features.Console;

/// <summary>
/// What became of one row of an identity import: the identity made from it, or why none was; and, when links were
/// asked for, whether its EMAIL binding link was queued (<see cref="LinkProblem"/> says why not).
/// Rows are counted as records, the header being row 1.
/// </summary>
internal sealed record ImportedRow(int Row, string Username, string? IdentityId, string? Problem, bool LinkQueued, string? LinkProblem);
