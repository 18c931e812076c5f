namespace Passbind.Server.Features.Console;

/// <summary>An import's answer: each row's fate, or why the file as a whole was refused (then no row was imported).</summary>
internal sealed record ImportOutcome(IReadOnlyList<ImportedRow> Rows, string? Problem)
{
    public static ImportOutcome Refused(string problem) => new([], problem);

    public int Imported => Rows.Count(r => r.IdentityId is not null);

    public IEnumerable<ImportedRow> Failed => Rows.Where(r => r.IdentityId is null || r.LinkProblem is not null);
}
