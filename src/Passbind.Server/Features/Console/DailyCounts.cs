namespace Passbind.Server.Features.Console;

/// <summary>One series of a dashboard chart: how many of something happened on each UTC day of a window, oldest first.</summary>
internal sealed record DailyCounts(string Id, string Title, string Description, IReadOnlyList<(DateOnly Day, int Count)> Days)
{
    public int Total => Days.Sum(d => d.Count);

    public int Max => Days.Count == 0 ? 0 : Days.Max(d => d.Count);

    /// <summary>Counts <paramref name="times"/> into the days of the window that ends on <paramref name="today"/>.</summary>
    public static DailyCounts Of(string id, string title, string description, IEnumerable<DateTimeOffset> times, DateOnly today, int days)
    {
        var first = today.AddDays(1 - days);
        var counts = new int[days];
        foreach (var time in times)
        {
            var index = DateOnly.FromDateTime(time.UtcDateTime).DayNumber - first.DayNumber;
            if (index >= 0 && index < days)
            {
                counts[index]++;
            }
        }

        return new DailyCounts(id, title, description, counts.Select((count, i) => (first.AddDays(i), count)).ToList());
    }
}
