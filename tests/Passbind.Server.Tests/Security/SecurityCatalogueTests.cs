using System.Text.RegularExpressions;

namespace Passbind.Server.Tests.Security;

/// <summary>
/// The security catalogue as a suite: docs/security.md has a row for every case of the catalogue, each with a known
/// status, and every test a row names exists in the repository's tests.
/// </summary>
public sealed partial class SecurityCatalogueTests
{
    private const string CatalogueVariable = "PASSBIND_SECURITY_CATALOGUE";

    [Fact]
    public void Docs_EveryCatalogueCase_HasARowWithAStatus()
    {
        var repository = RepositoryRoot();
        var rows = DocRows(repository);
        Assert.NotEmpty(rows);

        var catalogue = FindCatalogue(repository);
        if (catalogue is not null)
        {
            var cases = CatalogueCases(File.ReadAllText(catalogue));
            Assert.True(cases.Count >= 100, $"read only {cases.Count} cases from {catalogue}");
            var missing = cases.Where(c => !rows.ContainsKey(c)).ToList();
            Assert.True(missing.Count == 0, $"docs/security.md has no row for catalogue case(s) {string.Join(", ", missing)}");
            var unknown = rows.Keys.Where(n => !cases.Contains(n)).ToList();
            Assert.True(unknown.Count == 0, $"docs/security.md has rows for case(s) the catalogue does not have: {string.Join(", ", unknown)}");
        }
        else
        {
            // Without the specs beside the repository (a clone elsewhere), the rows must at least run 1..N unbroken.
            Assert.Equal(Enumerable.Range(1, rows.Count), rows.Keys.Order());
        }

        foreach (var (number, (status, _)) in rows)
        {
            Assert.True(
                status.StartsWith("passes", StringComparison.Ordinal) || status.StartsWith("not applicable:", StringComparison.Ordinal)
                    || PlannedWithIssue().IsMatch(status),
                $"case {number}: '{status}' is not 'passes', 'not applicable: <reason>' or 'planned, #<issue>'");
        }
    }

    [Fact]
    public void Docs_EveryNamedTest_Exists()
    {
        var repository = RepositoryRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(repository, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var missing = new List<string>();
        foreach (var (number, (status, tests)) in DocRows(repository))
        {
            if (status.StartsWith("passes", StringComparison.Ordinal) && tests.Count == 0)
            {
                missing.Add($"case {number} passes but names no test");
            }

            foreach (var test in tests)
            {
                var parts = test.Split('.');
                var found = sources.Any(source => source.Contains($"class {parts[0]}", StringComparison.Ordinal)
                    && (parts.Length == 1 || source.Contains($" {parts[1]}(", StringComparison.Ordinal)));
                if (!found)
                {
                    missing.Add($"case {number}: {test}");
                }
            }
        }

        Assert.True(missing.Count == 0, "tests named in docs/security.md that do not exist:\n" + string.Join('\n', missing));
    }

    /// <summary>The numbered cases of the catalogue's section 3: table rows that start with a number.</summary>
    private static HashSet<int> CatalogueCases(string text)
    {
        var section = text[text.IndexOf("## 3. Catalogue", StringComparison.Ordinal)..];
        var end = section.IndexOf("\n## ", 5, StringComparison.Ordinal);
        return CaseRow().Matches(end < 0 ? section : section[..end]).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
    }

    /// <summary>docs/security.md's catalogue table: case number → status and the tests it names.</summary>
    private static Dictionary<int, (string Status, List<string> Tests)> DocRows(string repository)
    {
        var text = File.ReadAllText(Path.Combine(repository, "docs", "security.md"));
        var table = text[text.IndexOf("## The catalogue", StringComparison.Ordinal)..];
        var rows = new Dictionary<int, (string, List<string>)>();
        foreach (Match row in DocRow().Matches(table))
        {
            var number = int.Parse(row.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(rows.ContainsKey(number), $"docs/security.md has two rows for case {number}");
            var tests = TestName().Matches(row.Groups["tests"].Value).Select(m => m.Groups[1].Value).ToList();
            rows[number] = (row.Groups["status"].Value.Trim(), tests);
        }

        return rows;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Passbind.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Passbind.slnx not found above the test's directory.");
    }

    /// <summary><c>PASSBIND_SECURITY_CATALOGUE</c>, else <c>shared/spec/security-catalogue.md</c> beside the repository or one of its parents.</summary>
    private static string? FindCatalogue(string repository)
    {
        if (Environment.GetEnvironmentVariable(CatalogueVariable) is { Length: > 0 } configured)
        {
            Assert.True(File.Exists(configured), $"{CatalogueVariable} names {configured}, which does not exist");
            return configured;
        }

        for (var directory = new DirectoryInfo(repository).Parent; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "spec", "security-catalogue.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex CaseRow();

    [GeneratedRegex(@"^\| (?<n>\d+) \| (?<status>[^|]+) \|(?<tests>[^\n]*)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex DocRow();

    [GeneratedRegex(@"`([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)?)`")]
    private static partial Regex TestName();

    [GeneratedRegex(@"planned, #\d+")]
    private static partial Regex PlannedWithIssue();
}
