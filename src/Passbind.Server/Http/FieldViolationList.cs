namespace Passbind.Server.Http;

/// <summary>Collects what is wrong with a request body, so one answer can name every bad field.</summary>
internal static class FieldViolationList
{
    /// <summary>Records <paramref name="problem"/> against <paramref name="field"/> when a rule found one.</summary>
    public static void Check(this List<FieldViolation> violations, string field, string? problem)
    {
        if (problem is not null)
        {
            violations.Add(new FieldViolation(field, problem));
        }
    }
}
