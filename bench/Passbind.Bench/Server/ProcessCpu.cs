using System.Globalization;

namespace Passbind.Bench.Server;

/// <summary>
/// A process's CPU time (user + system) from /proc/{pid}/stat. CPU per operation holds up better than wall-clock
/// figures on a machine shared with other work, so the markdown table carries it beside them.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double MillisecondsPerTick = 10.0;

    public static double Milliseconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MillisecondsPerTick;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
