using System.Globalization;

namespace Passbind.Bench.Server;

/// <summary>Reads a process's resident set from /proc: the current (VmRSS) and the peak (VmHWM), in MB.</summary>
internal static class ProcessMemory
{
    public static double? ResidentMb(int pid) => Read(pid, "VmRSS:");

    public static double? PeakResidentMb(int pid) => Read(pid, "VmHWM:");

    private static double? Read(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = line[field.Length..].Trim().Split(' ')[0];
                    return double.Parse(kb, CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
